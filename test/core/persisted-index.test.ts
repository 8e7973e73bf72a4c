import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { currentModel, useModel } from '../../src/answer/model/model.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine } from '../../src/engine/engine.js';
import { watchCorpus } from '../../src/engine/watch-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';
import { MINISEARCH_OPTIONS } from '../../src/index/index-model.js';
import { indexKey, loadSavedIndex, saveIndex } from '../../src/index/persisted-index.js';
import { createLogger } from '../../src/log/logger.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const QUESTIONS = ['How many parameters does Grok V9 Medium have?', 'Where is Colossus?', 'How much did the per-token cost fall?', 'What is the capital of Australia?'];

async function copyOfSeeds(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-seeds-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

function recordingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'info', write: (l) => lines.push(l) }) };
}

/** The seeds built and saved in a fresh data folder. */
async function savedSeeds() {
  const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-data-'));
  const articles = await loadCorpus(SEEDS_DIR);
  const built = buildIndex(articles);
  const path = saveIndex(dataDir, built);
  return { dataDir, articles, built, path };
}

describe('persisted index', () => {
  it('removes what a save killed half way left behind, but not a save still under way', async () => {
    const { dataDir, built } = await savedSeeds();
    // A process id no process has: the first free one above a high start.
    let dead = 4_000_000;
    for (; ; dead++) {
      try {
        process.kill(dead, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') break;
      }
    }
    await writeFile(join(dataDir, `.index-abc.json.${dead}.tmp`), 'half an index');
    await writeFile(join(dataDir, `.additions-abc.${dead}.tmp`), '{');
    await writeFile(join(dataDir, `.index-def.json.${process.ppid}.tmp`), 'a save under way');
    saveIndex(dataDir, built);
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([`.index-def.json.${process.ppid}.tmp`]);
  });

  it('round-trips: a loaded index answers exactly as the built one, quotes sliced from the files', async () => {
    const { dataDir, articles, built } = await savedSeeds();
    const loaded = loadSavedIndex(dataDir, articles)!;
    expect(loaded).toBeDefined();
    expect(loaded.passages.map((p) => p.text)).toEqual(built.passages.map((p) => p.text));
    // Whole passages, terms included: a loaded passage makes its Term objects on first read (loaded-passage.ts).
    loaded.passages.forEach((p, i) => expect({ ...p, terms: p.terms }).toEqual(built.passages[i]));
    // Derived on load from MiniSearch's postings and the header, not from every passage's terms: what a build counts.
    expect(new Map([...loaded.documentFrequency].sort())).toEqual(new Map([...built.documentFrequency].sort()));
    expect([...loaded.versionNames]).toEqual([...built.versionNames]);
    const builtEngine = await createEngine({ corpusDir: SEEDS_DIR });
    const savedEngine = await createEngine({ corpusDir: SEEDS_DIR, dataDir });
    for (const q of QUESTIONS) expect(savedEngine.answer(q)).toEqual(builtEngine.answer(q));
  });

  it('saves MiniSearch as lines of its own and loads back the same search index', async () => {
    const { dataDir, articles, built, path } = await savedSeeds();
    const loaded = loadSavedIndex(dataDir, articles)!;
    // As MiniSearch's own loadJS reads its toJSON (which orders the term tree as it inserts, not as the build did).
    const viaOwnForm = MiniSearch.loadJS(JSON.parse(JSON.stringify(built.search)), MINISEARCH_OPTIONS);
    expect(JSON.stringify(loaded.search)).toBe(JSON.stringify(viaOwnForm));
    for (const q of ['grok parameter', 'colossus memphi', 'token cost']) expect(loaded.search.search(q)).toEqual(built.search.search(q));
    // Not MiniSearch's own form, which is one line of nested objects: postings are flat arrays.
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('serializationVersion');
    expect(text).toMatch(/\n\[\["[^"]+",0,\[\d+,\d+/);
  });

  it('read lazily, passage by passage, gives the same index and the same answers', async () => {
    const { dataDir, articles } = await savedSeeds();
    const eager = loadSavedIndex(dataDir, articles)!;
    const lazy = loadSavedIndex(dataDir, articles, undefined, { lazyPassages: true })!;
    // Derived without reading every passage: term counts from MiniSearch's postings, version names from the header.
    expect(new Map([...lazy.documentFrequency].sort())).toEqual(new Map([...eager.documentFrequency].sort()));
    expect(lazy.versionNames).toEqual(eager.versionNames);
    expect(lazy.passages.length).toBe(eager.passages.length);
    // Read from the end, so a passage whose context is the one before is read before that one.
    for (let id = lazy.passages.length - 1; id >= 0; id--) expect({ ...lazy.passages[id], terms: lazy.passages[id]!.terms }).toEqual({ ...eager.passages[id], terms: eager.passages[id]!.terms });
    expect(lazy.passages[3]).toBe(lazy.passages[3]);
    for (const q of [...QUESTIONS, 'Who leads xAI?', 'When was it announced?']) expect(answerQuestion(lazy, q)).toEqual(answerQuestion(eager, q));
  });

  it('answers the same when the saved terms of a passage do not parse, read whole or lazily, by analysing its text again', async () => {
    const { dataDir, articles, built, path } = await savedSeeds();
    // Damage the checksum cannot see (a writer's fault): every passage's terms cut short, the file's hash made anew.
    const lines = (await readFile(path, 'utf8')).split('\n');
    const damaged = lines.slice(1).map((line, n) => (n >= 1 && n <= built.passages.length ? line.replace(/^\[[^\t]*\]\t/, (terms) => `${terms.slice(0, -3)}\t`) : line));
    const body = damaged.join('\n');
    await writeFile(path, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
    for (const options of [{}, { lazyPassages: true }]) {
      const loaded = loadSavedIndex(dataDir, articles, undefined, options)!;
      expect(loaded).toBeDefined();
      loaded.passages.forEach((p, i) => expect(p.terms).toEqual(built.passages[i]!.terms));
      for (const q of QUESTIONS) expect(answerQuestion(loaded, q)).toEqual(answerQuestion(built, q));
    }
  });

  it('is keyed by the corpus: a changed file is not served a stale index', async () => {
    const corpus = await copyOfSeeds();
    const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-data-'));
    const before = await loadCorpus(corpus);
    saveIndex(dataDir, buildIndex(before));
    await appendFile(join(corpus, '003_a4b6888dcf3fb350.txt'), '\nA new sentence about the Grok V9-Medium launch window in July.\n');
    const after = await loadCorpus(corpus);
    expect(indexKey(after)).not.toBe(indexKey(before));
    expect(loadSavedIndex(dataDir, after)).toBeUndefined();
  });

  it('is not reused once the answer model is refitted: its suggestions are what the old model answered', async () => {
    const articles = await loadCorpus(SEEDS_DIR);
    const committed = currentModel();
    const before = indexKey(articles);
    try {
      useModel({ ...committed, threshold: committed.threshold + 0.01 });
      expect(indexKey(articles)).not.toBe(before);
    } finally {
      useModel(committed);
    }
    expect(indexKey(articles)).toBe(before);
  });

  it('detects a truncated or corrupted file, logs it and rebuilds rather than serving it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-data-'));
    const articles = await loadCorpus(SEEDS_DIR);
    const path = saveIndex(dataDir, buildIndex(articles));
    const full = await readFile(path, 'utf8');
    for (const broken of [full.slice(0, full.length / 2), full.replace('"kind":"label"', '"kind":"labeL"'), 'not json at all']) {
      expect(broken).not.toBe(full);
      await writeFile(path, broken);
      const { lines, logger } = recordingLogger();
      expect(loadSavedIndex(dataDir, articles, logger)).toBeUndefined();
      expect(lines.join('')).toMatch(/saved index is unreadable, rebuilding it/);
      expect(await readdir(dataDir)).not.toContain(path.split('/').pop());
      const engine = await createEngine({ corpusDir: SEEDS_DIR, dataDir, logger });
      expect(engine.answer(QUESTIONS[0]!).citations[0]!.quote).toContain('1.5');
      expect(loadSavedIndex(dataDir, articles)).toBeDefined(); // rebuilt and saved again
    }
  });
});

describe('live corpus', () => {
  it('reload swaps in a new index atomically; the old one is left whole', async () => {
    const corpus = await copyOfSeeds();
    const engine = await createEngine({ corpusDir: corpus });
    const old = engine.index;
    await writeFile(join(corpus, '005_extra.md'), '# Extra\n\nThe Grok V9-Medium public beta opened to 40,000 testers in Lisbon, Portugal.\n');
    const result = await engine.reload();
    expect(result).toMatchObject({ articles: 6, skipped: [] });
    expect(old.articles).toHaveLength(5);
    expect(engine.index.articles).toHaveLength(6);
    expect(engine.answer('How many testers were in the public beta?').citations[0]!.quote).toContain('40,000');
  });

  it('reports a file that cannot be read by name and keeps serving the rest', async () => {
    const corpus = await copyOfSeeds();
    const engine = await createEngine({ corpusDir: corpus });
    await writeFile(join(corpus, '006_broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const result = await engine.reload();
    expect(result.skipped).toEqual([{ file: '006_broken.txt', reason: 'is not UTF-8 text' }]);
    expect(result.articles).toBe(5);
    expect(engine.answer(QUESTIONS[0]!).status).toBe('answered');
  });

  it('keeps serving the previous index when the metadata becomes invalid', async () => {
    const corpus = await copyOfSeeds();
    const engine = await createEngine({ corpusDir: corpus });
    await writeFile(join(corpus, 'sources.json'), '{ "000_62e430fcae3f5107.txt": { "title": "" } }');
    await expect(engine.reload()).rejects.toThrow(/sources\.json.*title/);
    expect(engine.index.articles).toHaveLength(5);
  });

  it('picks up a file added to the watched folder without a restart', async () => {
    const corpus = await copyOfSeeds();
    const engine = await createEngine({ corpusDir: corpus });
    const { lines, logger } = recordingLogger();
    const watcher = watchCorpus(engine, corpus, logger);
    try {
      await writeFile(join(corpus, '007_watched.txt'), 'xAI said the Grok V9-Medium API will cost $3 per million input tokens at launch.\n');
      const deadline = Date.now() + 8000;
      while (engine.index.articles.length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(engine.index.articles.map((a) => a.source)).toContain('007_watched');
      expect(lines.join('')).toMatch(/corpus reloaded/);
    } finally {
      watcher.close();
    }
  });
});
