/**
 * What adding one article changes beyond its own passages, measured on the generated corpus:
 * the groundwork for an incremental add (issue #14). For each added article, a fresh build of
 * the corpus with it is compared with the build without it, and every global effect an
 * incremental add would have to reproduce (or fall back to a rebuild for) is counted:
 * - ids: existing passages whose id moves (an article whose file sorts before others shifts them);
 * - joined / requoted / absorbed: its sentences joining existing duplicate clusters, changing
 *   which location a cluster quotes, or merging two clusters;
 * - boilerplate: passages of other articles that appear or vanish because a short line of the
 *   new article makes the same line in another article site furniture;
 * - entities and subject terms learned differently, and passages whose features change by it;
 * - rare flips: terms whose "rare enough to tell a measure" status changes (conflict detection
 *   reads it against a threshold that moves with the passage count);
 * - conflicts gained or lost between two existing passages, and those with the new article;
 * - whether the suggestions stay the same.
 * Usage: `npx tsx test/bench/incremental-effects.ts [base articles] [added]` (defaults 500, 6).
 *
 * Measured 2026-12-02 (even rows: a file sorting last; odd: sorting first), per add:
 * - 300 articles: learned names change on every add (3–4), moving the features of 23–62 passages;
 * - 1,000: names change on 2 of 6 adds (78 and 133 passages' features); 6 adds of 6 join 1–6
 *   existing clusters; 2 merge two clusters; 2 change another article's boilerplate; 1 loses a conflict;
 * - 3,000 and 10,000 (4 adds each): no name, subject or rare-term change; every add joins 1–8
 *   clusters; 2 of 4 merge two clusters (ids move after the merge even for a file sorting last);
 *   at 10,000, 2 of 4 change boilerplate and 1 loses 6 existing conflicts; the 10,000 rebuild took
 *   46–74 s on the shared 2-core machine.
 * - Suggestions differ from the base's after every add, at every size.
 * Only 1 add in 4–6 per size is "local" (its own passages and conflicts are all that changes).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Article } from '../../src/corpus/schema.js';
import { buildIndex, type KnowledgeIndex } from '../../src/index/build-index.js';
import { extractPassages } from '../../src/passages/extract-passages.js';
import { extraArticle, writeCorpus } from './generate-corpus.js';

const BASE = Number(process.argv[2] ?? 500);
const ADDED = Number(process.argv[3] ?? 6);

const dir = join(tmpdir(), `grok-facts-incremental-${BASE}`);
writeCorpus(dir, BASE);
const base = await loadCorpus(dir);

const keyOf = (index: KnowledgeIndex, id: number) => {
  const l = index.passages[id]!.locations[0]!;
  return `${l.source}:${l.start}`;
};
const conflictKeys = (index: KnowledgeIndex) =>
  new Set(index.conflicts.map((c) => c.claims.map((claim) => `${keyOf(index, claim.passageId)}=${claim.value}`).sort().join(' | ')));
const setDiff = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length;
const featureKey = (f: KnowledgeIndex['passages'][number]['features']) => JSON.stringify([[...f.entities].sort(), [...f.places].sort(), [...f.quantities].sort(), [...f.times].sort()]);
const rareSet = (index: KnowledgeIndex) => new Set([...index.documentFrequency.keys()].filter((t) => index.idf(t) >= index.maxIdf / 3));

function article(source: string, text: string): Article {
  return { source, file: `${source}.txt`, rawText: text, title: text.split('\n')[0]!, hash: source };
}

let start = performance.now();
const before = buildIndex(base);
const baseMs = performance.now() - start;
const beforeIds = new Map(before.passages.map((p) => [keyOf(before, p.id), p.id]));
const beforeRare = rareSet(before);
const beforeConflicts = conflictKeys(before);
const beforeRaw = new Set(extractPassages(base).map((r) => `${r.source}:${r.start}:${r.end}`));

const rows: Record<string, string | number>[] = [];
for (let k = 0; k < ADDED; k++) {
  // Even k: a new file sorting after every other (as generated ones do); odd k: one sorting first (as a slug may).
  const source = k % 2 === 0 ? `syn_${String(BASE + k).padStart(5, '0')}` : `add_${String(BASE + k).padStart(5, '0')}`;
  const added = article(source, extraArticle(BASE + k));
  const articles = [...base, added].sort((a, b) => a.file.localeCompare(b.file));
  start = performance.now();
  const after = buildIndex(articles);
  const rebuildMs = performance.now() - start;
  const afterByKey = new Map(after.passages.map((p) => [keyOf(after, p.id), p]));

  let ids = 0;
  let requoted = 0;
  let features = 0;
  for (const [key, id] of beforeIds) {
    const p = afterByKey.get(key);
    if (!p) {
      requoted++;
      continue;
    }
    if (p.id !== id) ids++;
    if (featureKey(p.features) !== featureKey(before.passages[id]!.features)) features++;
  }
  const own = after.passages.filter((p) => p.sources.includes(source));
  const joined = own.filter((p) => p.sources.length > 1).length;
  const absorbed = before.passages.length + own.length - joined - after.passages.length;
  const afterRaw = new Set(extractPassages(articles).filter((r) => r.source !== source).map((r) => `${r.source}:${r.start}:${r.end}`));
  const boilerplate = setDiff(beforeRaw, afterRaw);
  const afterRare = rareSet(after);
  const rareFlips = [...beforeRare].filter((t) => after.documentFrequency.has(t) && !afterRare.has(t)).length + [...afterRare].filter((t) => before.documentFrequency.has(t) && !beforeRare.has(t)).length;
  const afterConflicts = conflictKeys(after);
  const withNew = [...afterConflicts].filter((c) => c.includes(`${source}:`)).length;
  const gainedOld = [...afterConflicts].filter((c) => !c.includes(`${source}:`) && !beforeConflicts.has(c)).length;
  const lost = [...beforeConflicts].filter((c) => !afterConflicts.has(c)).length;
  const suggestionsSame = JSON.stringify(before.suggestions) === JSON.stringify(after.suggestions);
  const local = ids === 0 && requoted === 0 && absorbed === 0 && boilerplate === 0 && features === 0 && setDiff(before.entities, after.entities) === 0 && setDiff(before.subjectTerms, after.subjectTerms) === 0 && gainedOld === 0 && lost === 0;
  rows.push({
    source,
    'rebuild ms': Math.round(rebuildMs),
    'own passages': own.length,
    joined,
    requoted,
    absorbed,
    'ids moved': ids,
    boilerplate,
    'entities ±': setDiff(before.entities, after.entities),
    'subject ±': setDiff(before.subjectTerms, after.subjectTerms),
    'features changed': features,
    'rare flips': rareFlips,
    'conflicts with new': withNew,
    'old-old gained': gainedOld,
    'old lost': lost,
    'suggestions same': suggestionsSame ? 'yes' : 'no',
    'local (add + own conflicts exact)': local ? 'yes' : 'no',
  });
}

console.log(`\nBase: ${BASE} generated articles, ${before.passages.length} passages, ${before.conflicts.length} conflicts, built in ${Math.round(baseMs)} ms\n`);
const header = Object.keys(rows[0] ?? {});
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${header.map((h) => row[h]).join(' | ')} |`);
