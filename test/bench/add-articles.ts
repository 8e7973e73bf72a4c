/**
 * An incremental add (src/index/add-articles.ts) against a build of the same corpus: how long
 * each add takes, and how often the two indexes answer a question alike (status and first
 * citation), over the synthetic questions and questions made from the added article's own
 * labels. Usage: `npx tsx test/bench/add-articles.ts [base articles] [adds]` (defaults 1000, 4).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Article } from '../../src/corpus/schema.js';
import { addArticles } from '../../src/index/add-articles.js';
import { buildIndex, type KnowledgeIndex } from '../../src/index/build-index.js';
import { extraArticle, writeCorpus } from './generate-corpus.js';
import { syntheticQuestions } from './synthetic-questions.js';

const BASE = Number(process.argv[2] ?? 1000);
const ADDS = Number(process.argv[3] ?? 4);

const dir = join(tmpdir(), `grok-facts-add-${BASE}`);
writeCorpus(dir, BASE);
const base = await loadCorpus(dir);
const article = (source: string, text: string): Article => ({ source, file: `${source}.txt`, rawText: text, title: text.split('\n')[0]!, hash: source });

/** Questions about an added article: each of its sentences' first words, asked as a question. */
function questionsAbout(a: Article): string[] {
  return a.rawText.split('\n').slice(1).filter((l) => l.split(' ').length > 8).slice(0, 12).map((l) => `${l.split(' ').slice(0, 9).join(' ')}?`);
}

const outcome = (index: KnowledgeIndex, q: string) => {
  const a = answerQuestion(index, q);
  const c = a.citations[0];
  // The quoted words, not the place: a sentence two articles print is quoted from either.
  return `${a.status} ${c ? c.quote : ''}`;
};

let start = performance.now();
let incremental = buildIndex(base);
console.log(`base build: ${base.length} articles, ${incremental.passages.length} passages, ${((performance.now() - start) / 1000).toFixed(1)} s`);
let articles = [...base];
const asked = new Set(syntheticQuestions());
for (let k = 0; k < ADDS; k++) {
  const source = k % 2 === 0 ? `syn_${String(BASE + k).padStart(5, '0')}` : `add_${String(BASE + k).padStart(5, '0')}`;
  const added = article(source, extraArticle(BASE + k));
  articles = [...articles, added].sort((a, b) => a.file.localeCompare(b.file));
  for (const q of questionsAbout(added)) asked.add(q);
  start = performance.now();
  incremental = addArticles(incremental, [added], articles);
  const addMs = performance.now() - start;
  start = performance.now();
  const rebuilt = buildIndex(articles);
  const buildMs = performance.now() - start;
  let same = 0;
  const differ: string[] = [];
  for (const q of asked) {
    const [x, y] = [outcome(incremental, q), outcome(rebuilt, q)];
    if (x === y) same++;
    else differ.push(`${q} | added: ${x} | built: ${y}`);
  }
  console.log(`add ${k + 1} (${source}): ${addMs.toFixed(0)} ms, rebuild ${(buildMs / 1000).toFixed(1)} s; passages ${incremental.passages.length} vs ${rebuilt.passages.length}; conflicts ${incremental.conflicts.length} vs ${rebuilt.conflicts.length}; same answer ${same}/${asked.size}`);
  for (const d of differ.slice(0, 5)) console.log(`  ${d}`);
}

