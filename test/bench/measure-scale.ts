/**
 * One benchmark measurement in a process of its own, so its peak memory is its own. Mode
 * `build` builds the index fresh and saves it; mode `serve` loads the saved index, times
 * answers beside plain MiniSearch over the same passages, then adds articles one at a time as a
 * running bot's reload does. Prints one JSON line.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine, createEngineFromIndex } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/index/build-index.js';
import { loadSavedIndex, saveIndex } from '../../src/index/persisted-index.js';
import { extraArticle } from './generate-corpus.js';

const [mode, corpusDir, dataDir, questionsJson] = process.argv.slice(2) as [string, string, string, string];
const questions: string[] = JSON.parse(questionsJson);
const REFUSED = 'How tall is Mount Qzarvel?';
/** Articles added one at a time, each by a live reload, after the answers are timed. */
const ADDS = 3;

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p99: at(99) };
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** CPU time beside wall time: on a shared machine the wall time also counts other people's work. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const memory = () => ({ heapMB: process.memoryUsage().heapUsed / 1e6, rssMB: process.memoryUsage().rss / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024 });

const articles = await loadCorpus(corpusDir);
if (mode === 'build') {
  // A fresh build is what a new corpus costs: building the index and saving it.
  const cpuBefore = cpuMs();
  const built = time(() => {
    const index = buildIndex(articles);
    return { index, file: saveIndex(dataDir, index) };
  });
  const { index, file } = built.value;
  console.log(JSON.stringify({ articles: articles.length, passages: index.passages.length, conflicts: index.conflicts.length, buildMs: built.ms, buildCpuMs: cpuMs() - cpuBefore, savedMB: statSync(file).size / 1e6, ...memory() }));
} else {
  const cpuBefore = cpuMs();
  const loaded = time(() => loadSavedIndex(dataDir, articles));
  const loadCpuMs = cpuMs() - cpuBefore;
  if (!loaded.value) throw new Error('no saved index to load');
  const engine = createEngineFromIndex(loaded.value);
  // What a user meets first: a question the corpus cannot answer, before anything is warm.
  const firstRefusal = time(() => engine.answer(REFUSED));
  if (firstRefusal.value.status !== 'no_answer') throw new Error(`"${REFUSED}" was answered`);
  const warm = time(() => engine.warmUp());
  for (const q of questions) engine.answer(q);
  // The serving process's own memory, before the baseline index below adds its own.
  const serving = memory();
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  plain.addAll(loaded.value.passages.map((p) => ({ id: p.id, text: p.text })));
  // Enough samples for a p99, in bounded time: plain MiniSearch alone takes tens of ms a search at 10,000 articles.
  const ROUNDS = loaded.value.passages.length > 100_000 ? 5 : 20;
  for (const q of questions) {
    engine.answer(q);
    plain.search(q);
  }
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) {
      ours.push(time(() => engine.answer(q)).ms);
      baseline.push(time(() => plain.search(q)).ms);
    }
  }
  // Adding articles as a running bot's live reload does: the corpus folder read again, the new
  // article added to the index serving (or the index built again, for a corpus too small to add
  // to), and the record saved beside the saved index. The bot counts what an add extends once it
  // is up (prepareToAdd), timed apart.
  const live = await createEngine({ corpusDir, dataDir });
  const prepareMs = (await timeAsync(() => live.prepareToAdd())).ms;
  const addMs: number[] = [];
  const addedFrom: string[] = [];
  let addedAnswered = 0;
  let addedAsked = 0;
  const addedFiles: string[] = [];
  try {
    for (let k = 0; k < ADDS; k++) {
      const text = extraArticle(articles.length + k);
      const file = join(corpusDir, `zz_added_${k}.txt`);
      writeFileSync(file, text);
      addedFiles.push(file);
      const reload = await timeAsync(() => live.reload());
      addMs.push(reload.ms);
      addedFrom.push(reload.value.from);
      // Its own sentences, asked back: answered from the article just added (or the passage it repeats).
      for (const line of text.split('\n').slice(1).filter((l) => l.split(' ').length > 8).slice(0, 5)) {
        addedAsked++;
        const cited = live.answer(`${line.split(' ').slice(0, 9).join(' ')}?`).citations.map((c) => c.quote);
        if (cited.some((quote) => line.includes(quote.slice(0, 40)))) addedAnswered++;
      }
    }
  } finally {
    for (const file of addedFiles) rmSync(file, { force: true });
  }
  console.log(JSON.stringify({ loadMs: loaded.ms, loadCpuMs, firstRefusalMs: firstRefusal.ms, warmUpMs: warm.ms, answer: percentiles(ours), plainSearch: percentiles(baseline), answers: ours.length, prepareMs, addMs, addedFrom, addedAnswered, addedAsked, ...serving }));
}
