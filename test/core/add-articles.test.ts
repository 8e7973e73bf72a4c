import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Article } from '../../src/corpus/schema.js';
import { createEngine } from '../../src/engine/engine.js';
import { addArticles, articlesAdded, shouldAddIncrementally } from '../../src/index/add-articles.js';
import { buildIndex, type KnowledgeIndex } from '../../src/index/build-index.js';
import { createLogger } from '../../src/log/logger.js';
import { extraArticle, writeCorpus } from '../bench/generate-corpus.js';
import { syntheticQuestions } from '../bench/synthetic-questions.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const article = (source: string, text: string): Article => ({ source, file: `${source}.txt`, rawText: text, title: text.split('\n')[0]!, hash: `h-${source}` });
const byFile = (articles: Article[]) => [...articles].sort((a, b) => a.file.localeCompare(b.file));

/** What a person sees of an answer: its status and the words of each citation, in order. */
const seen = (index: KnowledgeIndex, q: string) => {
  const a = answerQuestion(index, q);
  return `${a.status} ${a.citations.map((c) => c.quote).join(' | ')}`;
};

/** Questions about an article's own sentences: their first words, asked. */
const questionsAbout = (text: string) =>
  text.split('\n').slice(1).filter((l) => l.split(' ').length > 8).slice(0, 10).map((l) => `${l.split(' ').slice(0, 9).join(' ')}?`);

const conflictKeys = (index: KnowledgeIndex) =>
  new Set(index.conflicts.map((c) => c.claims.map((claim) => `${index.passages[claim.passageId]!.text}=${claim.value}`).sort().join(' | ')));

async function generated(count: number): Promise<Article[]> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-gen-'));
  writeCorpus(dir, count);
  return loadCorpus(dir);
}

describe('adding articles to a built index', () => {
  it('answers as a fresh build of the same corpus does, and leaves every indexed passage where it was', async () => {
    const base = await generated(150);
    let index = buildIndex(base);
    const before = index.passages.map((p) => p.text);
    let articles = base;
    const asked = new Set(syntheticQuestions());
    for (const k of [0, 1]) {
      // One file sorting after the rest, one before: the build orders articles by file name, an add appends.
      const added = article(k === 0 ? 'syn_00150' : 'add_00151', extraArticle(150 + k));
      articles = byFile([...articles, added]);
      index = addArticles(index, [added], articles);
      for (const q of questionsAbout(added.rawText)) asked.add(q);
    }
    const rebuilt = buildIndex(articles);

    expect(index.passages.slice(0, before.length).map((p) => p.text)).toEqual(before);
    expect(index.passages.map((p, i) => p.id === i).every(Boolean)).toBe(true);
    expect(index.search.documentCount).toBe(index.passages.length);
    const same = [...asked].filter((q) => seen(index, q) === seen(rebuilt, q)).length;
    expect(same / asked.size).toBeGreaterThanOrEqual(0.95);
    expect(conflictKeys(index)).toEqual(conflictKeys(rebuilt));
    // Every passage of the build is there; the only others are short lines of indexed articles that a
    // new article repeats, which a build reads as site furniture and an add leaves indexed.
    const texts = new Set(index.passages.map((p) => p.text));
    const built = new Set(rebuilt.passages.map((p) => p.text));
    expect([...built].filter((t) => !texts.has(t))).toEqual([]);
    const extra = index.passages.filter((p) => !built.has(p.text));
    expect(extra.length).toBeLessThanOrEqual(2);
    for (const p of extra) expect(p.text.split(/\s+/).length).toBeLessThanOrEqual(12);
  });

  it('joins a sentence another article already prints to that passage, as a second source', async () => {
    const base = await loadCorpus(SEEDS_DIR);
    const index = buildIndex(base);
    const printed = index.passages.find((p) => p.kind === 'sentence' && p.text.length > 80 && p.locations.length === 1)!;
    const added = article('zz_reprint', `Reprinted: the week in AI\nA wire story ran today in full.\n${printed.text}\nThe outlet added that a second Memphis site is planned for 2027, with 120 megawatts of power.\n`);
    const next = addArticles(index, [added], byFile([...base, added]));
    expect(next.passages[printed.id]!.sources).toEqual([printed.locations[0]!.source, 'zz_reprint']);
    expect(next.passages.filter((p) => p.text === printed.text)).toHaveLength(1);
    const answer = answerQuestion(next, 'How much power will the second Memphis site have?');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.source).toBe('zz_reprint');
  });

  it('finds a sentence of common words another article prints, however many passages share its words', () => {
    // 100 articles whose sentences all share "declined", "comment" and the like; one of them also says "He declined to comment."
    const NAMES = ['Tessar', 'Volk', 'Brinn', 'Cald', 'Dorv', 'Ferro', 'Gaunt', 'Hollis', 'Ivers', 'Jund'];
    const base = Array.from({ length: 100 }, (_, i) => {
      const name = `${NAMES[i % 10]}${NAMES[Math.floor(i / 10)]}`;
      return article(`a${String(i).padStart(3, '0')}`, `${name} opens a new office number ${i}\n${name} Corp said on Monday it opened an office in city ${i} with ${i + 10} staff.\nA spokesman for ${name} declined to comment on the plans for unit ${i}.\n${i === 99 ? 'The talks went on for hours in the capital. He declined to comment.\n' : ''}`);
    });
    const added = article('zz', 'Quorvex plans\nQuorvex Systems said on Thursday it would build a plant in Oslo with 400 staff. He declined to comment.\n');
    const next = addArticles(buildIndex(base), [added], [...base, added]);
    expect(next.passages.filter((p) => p.text === 'He declined to comment.').map((p) => p.sources)).toEqual([['a099', 'zz']]);
  });

  it('keeps the index serving whole when an add fails before changing it, and builds after a few adds', async () => {
    const base = await loadCorpus(SEEDS_DIR);
    const index = buildIndex(base);
    const count = index.passages.length;
    const broken = { ...article('zz_broken', 'A title\nSomething happened in Memphis today, the company said.\n'), rawText: undefined as unknown as string };
    expect(() => addArticles(index, [broken], [...base, broken])).toThrow();
    expect(index.passages).toHaveLength(count);
    expect(index.search.documentCount).toBe(count);
    expect(answerQuestion(index, 'How many parameters does Grok V9 Medium have?').status).toBe('answered');

    const many = Array.from({ length: 16 }, (_, k) => article(`zz_${k}`, `Story ${k}\nThe plant number ${k} draws ${100 + k} megawatts, the filing says.\n`));
    let grown = index;
    let articles = base;
    for (const a of many) {
      articles = [...articles, a];
      expect(shouldAddIncrementally(grown, [a], 0)).toBe(true);
      grown = addArticles(grown, [a], articles);
    }
    expect(grown.addsSinceBuild).toBe(16);
    expect(shouldAddIncrementally(grown, [article('zz_next', 'Next\nMore news today from the site, the company said.\n')], 0)).toBe(false);
    // Many articles at once are built too, and so is one as long as many: an add is for a few.
    expect(shouldAddIncrementally(index, many.slice(0, 2), 0)).toBe(false);
    const corpusText = base.reduce((n, a) => n + a.rawText.length, 0);
    expect(shouldAddIncrementally(index, [article('zz_long', `Long\n${'The plant draws 300 megawatts, the filing says. '.repeat(Math.ceil(corpusText / 20 / 45))}\n`)], 0)).toBe(false);
  });

  it('drops a disagreement an added article shows to be two things, as a build does', async () => {
    const base = await loadCorpus(SEEDS_DIR);
    const index = buildIndex(base);
    const cost = index.conflicts.find((c) => c.claims.some((claim) => claim.value.includes('90')));
    expect(cost).toBeDefined();
    const [x, y] = cost!.claims.map((claim) => index.passages[claim.passageId]!.text);
    // One article stating both sides' sentences: the values are no longer one article's against another's.
    const added = article('zz_both', `Both figures in one place\nAn explainer quoted both reports.\n${x}\n${y}\n`);
    const articles = byFile([...base, added]);
    const next = addArticles(index, [added], articles);
    expect(conflictKeys(next)).toEqual(conflictKeys(buildIndex(articles)));
    expect(next.conflicts.length).toBeLessThan(index.conflicts.length);
  });

  it('is used only for additions to a large, fully read index', async () => {
    const base = await loadCorpus(SEEDS_DIR);
    const index = buildIndex(base);
    const added = article('zz_new', 'A new story\nSomething new happened today in Memphis, the company said in a statement.\n');
    expect(articlesAdded(index, [...base, added])?.map((a) => a.file)).toEqual(['zz_new.txt']);
    expect(articlesAdded(index, base.slice(1))).toBeUndefined();
    expect(articlesAdded(index, base.map((a, i) => (i === 0 ? { ...a, hash: 'changed' } : a)))).toBeUndefined();
    expect(articlesAdded(index, base.map((a, i) => (i === 0 ? { ...a, title: 'Renamed' } : a)))).toBeUndefined();
    expect(shouldAddIncrementally(index, [added])).toBe(false); // the seeds build in a moment: built again, exactly
    expect(shouldAddIncrementally(index, [added], 0)).toBe(true);
    expect(shouldAddIncrementally(index, [], 0)).toBe(false);
    expect(shouldAddIncrementally({ ...index, lazy: true }, [added], 0)).toBe(false);
  });
});

describe('a reload that finds new articles', () => {
  const NEW = 'Memphis expansion\nxAI said a second Memphis site will add 300 megawatts of power by October 2026.\nThe site will hold 50,000 more GPUs, according to the filing.\n';

  async function setUp() {
    const corpusDir = await mkdtemp(join(tmpdir(), 'grok-facts-corpus-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-data-'));
    await cp(SEEDS_DIR, corpusDir, { recursive: true });
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (l) => lines.push(l) });
    const options = { corpusDir, dataDir, logger, minPassagesToAdd: 0 };
    return { corpusDir, dataDir, lines, options };
  }
  const QUESTIONS = ['How much power will the second Memphis site add?', 'How many parameters does Grok V9 Medium have?', 'How much did the per-token cost fall?', 'What is the capital of Australia?'];

  it('adds them to the index serving now, and records that beside the saved index for the next start', async () => {
    const { corpusDir, dataDir, options } = await setUp();
    const engine = await createEngine(options);
    expect(engine.answer(QUESTIONS[0]!).status).toBe('no_answer');
    const savedBefore = (await readdir(dataDir)).filter((f) => f.startsWith('index-'));

    await writeFile(join(corpusDir, 'memphis-expansion.txt'), NEW);
    const result = await engine.reload();
    expect(result.from).toBe('added');
    const answer = engine.answer(QUESTIONS[0]!);
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.source).toBe('memphis-expansion');

    // The saved index stays as it was, and a small record says what was added to it.
    const files = await readdir(dataDir);
    expect(files.filter((f) => f.startsWith('index-'))).toEqual(savedBefore);
    const records = files.filter((f) => f.startsWith('additions-'));
    expect(records).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dataDir, records[0]!), 'utf8')).added).toEqual([['memphis-expansion.txt']]);

    const restarted = await createEngine(options);
    expect(restarted.loaded()!.result.from).toBe('saved');
    for (const q of QUESTIONS) expect(restarted.answer(q)).toEqual(engine.answer(q));
    expect(restarted.suggestions()).toEqual(engine.suggestions());
  });

  it('keeps the index serving when nothing is new, and records the add under the key the next start looks for', async () => {
    const { corpusDir, dataDir, options } = await setUp();
    // A name that sorts differently by locale and by code unit, as loadCorpus sorts.
    await writeFile(join(corpusDir, 'Zeta_notes.txt'), 'Zeta notes\nThe Zeta team met in Memphis on Monday to plan the rollout, a memo says.\n');
    const engine = await createEngine(options);
    const before = engine.index;
    expect((await engine.reload()).from).toBe('unchanged');
    expect(engine.index).toBe(before);
    await writeFile(join(corpusDir, 'memphis-expansion.txt'), NEW);
    expect((await engine.reload()).from).toBe('added');
    expect((await createEngine(options)).loaded()!.result.from).toBe('saved');
  });

  it('builds again when an article changed, and a damaged record only costs a build', async () => {
    const { corpusDir, dataDir, lines, options } = await setUp();
    const engine = await createEngine(options);
    await writeFile(join(corpusDir, 'memphis-expansion.txt'), NEW);
    await engine.reload();
    const [record] = (await readdir(dataDir)).filter((f) => f.startsWith('additions-'));
    await writeFile(join(dataDir, record!), '{"format": 1,');
    const restarted = await createEngine(options);
    expect(restarted.loaded()!.result.from).toBe('built');
    expect(lines.some((l) => l.includes('saved additions are unreadable'))).toBe(true);
    expect(restarted.answer(QUESTIONS[0]!).status).toBe('answered');

    await writeFile(join(corpusDir, 'memphis-expansion.txt'), NEW.replace('300 megawatts', '350 megawatts'));
    const result = await restarted.reload();
    expect(result.from).toBe('built');
    expect(restarted.answer(QUESTIONS[0]!).citations[0]!.quote).toContain('350 megawatts');
    expect((await readdir(dataDir)).filter((f) => f.startsWith('additions-'))).toEqual([]);
  });
});
