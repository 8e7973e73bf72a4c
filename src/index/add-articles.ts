import { answerQuestion } from '../answer/answer.js';
import type { Article } from '../corpus/schema.js';
import { claimContexts, detectConflicts, type DetectedConflict } from '../conflicts/detect-conflicts.js';
import { collapseDuplicates, sameStatement, statementHash } from '../passages/collapse-duplicates.js';
import { extractPassages } from '../passages/extract-passages.js';
import { countShortLines } from '../passages/furniture.js';
import type { Location, Passage } from '../passages/schema.js';
import { extendSuggestions } from '../suggestions/suggest-questions.js';
import type { Term } from '../text/analyze.js';
import { analyseOnce, contexts, headlineNamesOf, indexPassages } from './build-index.js';
import { entitiesFrom, gatherEntityEvidence, type EntityEvidence } from './entity-lexicon.js';
import { answerFeatures } from './answer-features.js';
import { compactPassage, countTerms, idfFor, searchTermsOf, SEARCH_FIELD, versionNamesOf, withDerived, type IndexedPassage, type KnowledgeIndex } from './index-model.js';
import { withEvery } from './top-matches.js';
import { MAX_ADDS } from './saved-additions.js';

/**
 * Adds articles to a built index without building it again: at 10,000 articles a build takes
 * most of a minute, and an admin adding one article should see it answered in a second.
 *
 * Each new sentence is collapsed with the rest of its article as a build would, then compared
 * with the few indexed passages that share its rarest words: a twin takes it as one more
 * location, anything else becomes a passage of its own, numbered after the last, and goes into
 * MiniSearch with `addAll`. New figures are checked for disagreements against the passages
 * that share their rare words. What the rest of the corpus learned stays as it was, so no
 * existing passage changes except to gain a location:
 * - names are learned as a build learns them, counting the new sentences in, and the passages
 *   holding a name learned or unlearned so offer it as an answer; their disagreements stay;
 * - the quoted location of a passage stays the one quoted before (its citations stay put);
 * - a short line of an existing article that a new one repeats stays indexed there (the new
 *   copy is furniture, as a build would judge it);
 * - a new sentence that is the near twin of two passages joins one of them.
 * These are the differences from a fresh build, measured by test/bench/add-articles.ts. A corpus
 * small enough to build in a moment is built again instead, and so is any after a few adds (see
 * shouldAddIncrementally).
 */

/** A new sentence's rarest words, whose passages are compared with it for a twin. */
const TWIN_PROBES = 3;
/** Passages compared with a new sentence, those sharing most of its probes first. */
const MAX_TWIN_CANDIDATES = 64;
/** A rare word in more passages than this names no one figure: its passages are not rivals to look at. */
const MAX_RIVALS_PER_WORD = 2_000;
/** Below this many passages a build takes well under a second and is exact: see shouldAddIncrementally. */
export const MIN_PASSAGES_TO_ADD = 20_000;

/** The articles of `articles` the index lacks, when it lacks only those (none changed or gone); else undefined. */
export function articlesAdded(index: KnowledgeIndex, articles: readonly Article[]): Article[] | undefined {
  const byFile = new Map(articles.map((a) => [a.file, a]));
  for (const a of index.articles) {
    const now = byFile.get(a.file);
    if (!now || now.hash !== a.hash || now.title !== a.title || now.publisher !== a.publisher || now.published !== a.published || now.url !== a.url) return undefined;
  }
  const known = new Set(index.articles.map((a) => a.file));
  return articles.filter((a) => !known.has(a.file));
}

/**
 * Whether adding to this index beats building it again: a large, fully read index, and a few
 * articles to add. After MAX_ADDS adds since the last build, or with more than a twentieth of the
 * corpus new at once (by articles or by text), it is built again, so what an add does differently from a build (see
 * above) never builds up.
 */
export function shouldAddIncrementally(index: KnowledgeIndex, added: readonly Article[] | undefined, minPassages = MIN_PASSAGES_TO_ADD): added is Article[] {
  if (added === undefined || added.length === 0 || index.lazy || index.passages.length < minPassages) return false;
  // By text as well as by count: one 1 MB article (400 joined) is many articles' worth, and an add
  // compares each new sentence with the corpus, where a build compares it with its bucket.
  const size = (articles: readonly Article[]) => articles.reduce((n, a) => n + a.rawText.length, 0);
  const share = (n: number, of: number) => n <= Math.max(1, of / 20);
  return (index.addsSinceBuild ?? 0) < MAX_ADDS && share(added.length, index.articles.length) && share(size(added), size(index.articles));
}

/**
 * What a build counts over the whole corpus and an add extends: how many articles hold each short
 * line (boilerplate), and the evidence names are learned from. Counted at the first add and kept
 * per search index, which every later add extends and hands on.
 */
interface CorpusCounts {
  shortLines: Map<string, number>;
  names: EntityEvidence;
  /**
   * Each location's words (statementHash), hashed, to its passage: a sentence an indexed article
   * prints word for word is found whatever its words, where the probe by rare words may miss a
   * sentence of common ones ("He declined to comment."). A hash rather than the text keeps it to
   * ~10 MB at 10,000 articles; a match is confirmed on the text.
   */
  statements: Map<number, number>;
}

const corpusCounts = new WeakMap<object, CorpusCounts>();

function noteStatements(into: Map<number, number>, passages: Iterable<{ id: number; locations: readonly { text: string }[] }>): Map<number, number> {
  for (const p of passages) for (const l of p.locations) into.set(statementHash(l.text), p.id);
  return into;
}

function countsOf(index: KnowledgeIndex): CorpusCounts {
  let counts = corpusCounts.get(index.search);
  if (!counts) {
    counts = { shortLines: countShortLines(index.articles), names: gatherEntityEvidence(index.passages), statements: noteStatements(new Map(), index.passages) };
    corpusCounts.set(index.search, counts);
  }
  return counts;
}

/**
 * Counts what an add extends ahead of the first add (~0.4 s at 10,000 articles), for a process
 * that serves reloads: the first article an admin adds is then as quick as the rest.
 */
export function prepareToAdd(index: KnowledgeIndex, minPassages = MIN_PASSAGES_TO_ADD): void {
  if (!index.lazy && index.passages.length >= minPassages) countsOf(index);
}

/** Names the corpus learned or unlearned with the new passages counted in (copies: nothing is changed yet). */
function relearnNames(index: KnowledgeIndex, evidence: EntityEvidence, fresh: readonly { kind: string; terms: readonly Term[] }[]): { entities: Set<string>; evidence: EntityEvidence } {
  const extended = gatherEntityEvidence(fresh, { capitalized: new Map(evidence.capitalized), seen: new Map(evidence.seen), acronymPlurals: new Set(evidence.acronymPlurals) });
  return { entities: entitiesFrom(extended), evidence: extended };
}

/** The indexed passage a new one repeats, if any: word for word, or near enough among those sharing its rarest words. */
function findTwin(index: KnowledgeIndex, statements: ReadonlyMap<number, number>, passage: Passage, terms: readonly Term[]): IndexedPassage | undefined {
  const text = passage.locations[0]!.text;
  const same = statements.get(statementHash(text));
  if (same !== undefined && index.passages[same]!.locations.some((l) => sameStatement(text, l.text))) return index.passages[same];
  const known = [...new Set(terms.map((t) => t.term))].filter((t) => index.documentFrequency.has(t));
  known.sort((a, b) => index.documentFrequency.get(a)! - index.documentFrequency.get(b)! || (a < b ? -1 : 1));
  const shared = new Map<number, number>();
  for (const term of known.slice(0, TWIN_PROBES)) for (const id of passagesWith(index, term)) shared.set(id, (shared.get(id) ?? 0) + 1);
  const candidates = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_TWIN_CANDIDATES);
  for (const [id] of candidates) {
    const candidate = index.passages[id]!;
    if (candidate.locations.some((l) => sameStatement(text, l.text))) return candidate;
  }
  return undefined;
}

/** The passages MiniSearch finds by one term (its postings, read as an AND search of one word). */
const passagesWith = (index: KnowledgeIndex, term: string) => withEvery(index.search, SEARCH_FIELD, [term]);

interface Counts {
  documentFrequency(term: string): number;
  total: number;
}

/**
 * Disagreements the new passages take part in: detected, as a build detects them, over the new
 * passages and the indexed ones that share a rare word with them; those between two indexed
 * passages were found by the build already.
 */
function newConflicts(index: KnowledgeIndex, added: readonly IndexedPassage[], articles: readonly Article[], entities: ReadonlySet<string>, counts: Counts): DetectedConflict[] {
  const idf = idfFor({ get: (t: string) => counts.documentFrequency(t) } as ReadonlyMap<string, number>, counts.total);
  const rareIdf = idf(String()) / 3;
  const rare = (term: string) => idf(term) >= rareIdf;
  const names = { entities, subjectTerms: index.subjectTerms };
  const lexicon = { ...names, headlineNames: new Map<string, Set<string>>() };
  // A rival states a figure near enough of the same rare words: a passage sharing fewer cannot pair with it.
  const rivals = new Set<number>();
  for (const p of added) {
    for (const { context, needs } of claimContexts(p, rare, lexicon)) {
      if (context.size < needs) continue;
      const shared = new Map<number, number>();
      for (const word of context) {
        if ((index.documentFrequency.get(word) ?? 0) > MAX_RIVALS_PER_WORD) continue;
        for (const id of passagesWith(index, word)) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      for (const [id, n] of shared) if (n >= needs) rivals.add(id);
    }
  }
  const compared = [...[...rivals].sort((a, b) => a - b).map((id) => index.passages[id]!), ...added];
  const involved = new Set(compared.flatMap((p) => p.sources));
  for (const [source, headline] of headlineNamesOf(articles.filter((a) => involved.has(a.source)), names)) lexicon.headlineNames.set(source, headline);
  // Which articles state a figure, the whole corpus over (one article stating both values shows two
  // things, not a dispute): worked out only for the figures of pairs that get that far.
  const articlesWithValue = new Map<string, Set<string>>();
  const statedBy = (value: string) => {
    let sources = articlesWithValue.get(value);
    if (!sources) {
      sources = new Set<string>();
      for (const id of passagesWith(index, value)) for (const l of index.passages[id]!.locations) sources.add(l.source);
      for (const q of added) if (q.termSet.has(value)) for (const l of q.locations) sources.add(l.source);
      articlesWithValue.set(value, sources);
    }
    return sources;
  };
  const fresh = new Set(added.map((p) => p.id));
  return detectConflicts(compared, { get: statedBy } as unknown as ReadonlyMap<string, ReadonlySet<string>>, idf, rareIdf, lexicon).filter((c) => c.claims.some((claim) => fresh.has(claim.passageId)));
}

/** Figures each new article states, in its own sentences and in those it repeats. */
function valuesBySource(passages: readonly IndexedPassage[], locations: readonly { passage: IndexedPassage; location: Location }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const note = (source: string, p: IndexedPassage) => {
    const values = out.get(source) ?? new Set<string>();
    for (const t of p.terms) if (t.kind !== 'word') values.add(t.term);
    out.set(source, values);
  };
  for (const p of passages) for (const l of p.locations) note(l.source, p);
  for (const { passage, location } of locations) note(location.source, passage);
  return out;
}

/**
 * The index with `added` in it. The given index must not be used afterwards: its MiniSearch and
 * counts are extended in place (copying them would cost what a build costs), after everything
 * that can fail has been worked out.
 */
export function addArticles(index: KnowledgeIndex, added: readonly Article[], articles: readonly Article[]): KnowledgeIndex {
  if (index.lazy) throw new Error('an index read lazily cannot be added to');
  if (added.length === 0) return index;
  const counted = countsOf(index);
  const lines = counted.shortLines;
  // An added copy of an indexed file is no second site repeating its lines (countShortLines).
  const texts = new Set(index.articles.map((a) => a.rawText));
  const ownLines = countShortLines(added.filter((a) => !texts.has(a.rawText)));
  const boilerplate = new Set([...ownLines].filter(([line, n]) => n + (lines.get(line) ?? 0) >= 2).map(([line]) => line));
  const raw = extractPassages(added, boilerplate, index.articles.length);
  const analyse = analyseOnce();

  const joins: { passage: IndexedPassage; location: Location }[] = [];
  const fresh: (Passage & { terms: Term[] })[] = [];
  for (const cluster of collapseDuplicates(raw)) {
    const terms = analyse(cluster.text);
    const twin = findTwin(index, counted.statements, cluster, terms);
    if (twin) for (const location of cluster.locations) joins.push({ passage: twin, location });
    else fresh.push({ ...cluster, id: index.passages.length + fresh.length, terms });
  }

  const { entities, evidence } = relearnNames(index, counted.names, fresh);
  // A name learned (or unlearned) with the new sentences changes what the passages holding it offer as an answer ("who").
  const renamed = [...entities].filter((e) => !index.entities.has(e)).concat([...index.entities].filter((e) => !entities.has(e)));
  const refeatured = new Set(renamed.flatMap((name) => passagesWith(index, name)));
  const features = [...refeatured].map((id) => {
    const p = index.passages[id]!;
    return { p, features: { ...answerFeatures(p.text, p.terms, entities), givesReason: p.features.givesReason } };
  });
  const contextOf = contexts(raw, new Map(added.map((a) => [a.source, a.rawText])));
  const indexed = indexPassages(fresh, contextOf, analyse, entities, index.passages[index.passages.length - 1]?.termSet);

  const { documentFrequency: ownFrequency, surfaceWords: ownSurfaces } = countTerms(indexed);
  const counts = { documentFrequency: (t: string) => (index.documentFrequency.get(t) ?? 0) + (ownFrequency.get(t) ?? 0), total: index.passages.length + indexed.length };
  const conflicts = newConflicts(index, indexed, articles, entities, counts);
  const stated = valuesBySource(indexed, joins);
  const stillDisputed = (c: DetectedConflict) => ![...stated.values()].some((values) => c.claims.every((claim) => values.has(claim.value)));

  // Nothing below can fail on the corpus: the index is changed only from here on.
  for (const { passage, location } of joins) {
    passage.locations.push(location);
    if (!passage.sources.includes(location.source)) passage.sources.push(location.source);
  }
  index.search.addAll(indexed.map((p) => ({ id: p.id, terms: searchTermsOf(p).join(' ') })));
  for (const [term, n] of ownFrequency) index.documentFrequency.set(term, (index.documentFrequency.get(term) ?? 0) + n);
  for (const [surface, term] of ownSurfaces) if (!index.surfaceWords.has(surface)) index.surfaceWords.set(surface, term);
  for (const p of indexed) versionNamesOf(p.terms, index.versionNames);
  for (const [line, n] of ownLines) lines.set(line, (lines.get(line) ?? 0) + n);
  counted.names = evidence;
  noteStatements(counted.statements, indexed);
  for (const { passage, location } of joins) counted.statements.set(statementHash(location.text), passage.id);
  for (const { p, features: f } of features) compactPassage(Object.assign(p, { features: f }), undefined);

  const next = withDerived(
    {
      articles: [...articles],
      passages: index.passages.concat(indexed),
      search: index.search,
      entities,
      subjectTerms: index.subjectTerms,
      conflicts: [...index.conflicts.filter(stillDisputed), ...conflicts],
      surfaceWords: index.surfaceWords,
      suggestions: index.suggestions,
    },
    index.versionNames,
    index.documentFrequency,
  );
  try {
    next.suggestions = extendSuggestions(next, (q) => answerQuestion(next, q), indexed);
  } catch {
    // The index has changed already, so this must not fail the add: the suggestions stay those before it.
  }
  next.addsSinceBuild = (index.addsSinceBuild ?? 0) + 1;
  if (index.savedAs) next.savedAs = { base: index.savedAs.base, added: [...index.savedAs.added, added.map((a) => a.file)] };
  return next;
}

