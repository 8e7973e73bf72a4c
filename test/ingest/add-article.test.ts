import { cp, mkdir, mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine } from '../../src/engine/engine.js';
import { watchCorpus } from '../../src/engine/watch-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';
import { addArticle } from '../../src/ingest/add-article.js';
import { IngestError } from '../../src/ingest/errors.js';
import { createLogger } from '../../src/log/logger.js';
import { startPageServer } from '../fakes/page-server.js';
import { SEEDS_DIR } from '../helpers/engine.js';

const INGEST = resolve(import.meta.dirname, '../fixtures/ingest');
const MARKDOWN = resolve(import.meta.dirname, '../fixtures/markdown');
const NEWS = join(INGEST, 'news-page.html');

async function seedsCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'grok-facts-add-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}

describe('grok-facts add, a saved page', () => {
  it('writes <slug>.txt and its sources.json entry, keeping every existing entry', async () => {
    const dir = await seedsCopy();
    const before = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8'));
    const result = await addArticle({ corpusDir: dir, input: NEWS });
    expect(result).toMatchObject({
      status: 'added',
      file: 'colossus-2-comes-online-to-train-grok-v9-successors.txt',
      title: 'Colossus 2 comes online to train Grok V9 successors',
      publisher: 'Circuit Ledger',
      published: '2026-05-30',
      url: 'https://circuitledger.example/2026/05/30/colossus-2-online',
    });
    const after = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8'));
    expect(after).toEqual({
      ...before,
      [result.file]: { title: 'Colossus 2 comes online to train Grok V9 successors', publisher: 'Circuit Ledger', published: '2026-05-30', url: 'https://circuitledger.example/2026/05/30/colossus-2-online' },
    });
    // No temporary file is left behind.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports the passages and the facts the corpus did not have, which the index then answers verbatim', async () => {
    const dir = await seedsCopy();
    const result = await addArticle({ corpusDir: dir, input: NEWS });
    if (result.status === 'duplicate') throw new Error('unexpected duplicate');
    expect(result.facts).toHaveLength(3);
    expect(result.facts[0]).toBe('The first phase of Colossus 2 draws about 1.2 gigawatts of power at full load, roughly twice the demand of the original Colossus cluster, a company filing shows.');
    for (const fact of result.facts) expect(fact).toMatch(/\d/);

    const articles = await loadCorpus(dir);
    const index = buildIndex(articles);
    const added = index.passages.filter((p) => p.sources.includes('colossus-2-comes-online-to-train-grok-v9-successors'));
    expect(added).toHaveLength(result.passages);
    const raw = articles.find((a) => a.file === result.file)!.rawText;
    for (const p of added) for (const l of p.locations.filter((l) => l.source === added[0]!.sources[0])) expect(raw.slice(l.start, l.end)).toBe(l.text);
    // What stayed out of the article stays out of the index.
    expect(added.map((p) => p.text).join(' ')).not.toMatch(/cookies|Share on|techfan88|Related stories|All rights reserved/);

    const engine = await createEngine({ corpusDir: dir });
    const answer = engine.answer('How many accelerators does the site house?');
    expect(answer.citations[0]!.quote).toBe('The site houses 550,000 accelerators in its first phase, and xAI plans to reach one million by the end of 2027.');
    expect(answer.citations[0]).toMatchObject({ publisher: 'Circuit Ledger', published: '2026-05-30' });
  });

  it('counts a figure as new by what it counts: "19 hours" is new where the corpus has only "19 engineers"', async () => {
    const dir = await seedsCopy();
    await writeFile(join(dir, 'other.txt'), 'Other story\nThe rival said 19 engineers joined its team in Austin this spring.\n');
    const input = join(dir, '..', `new-${Date.now()}.txt`);
    await writeFile(input, 'A long night in Memphis\nEngineers worked for 19 hours straight to bring the racks online, the company said.\n');
    const result = await addArticle({ corpusDir: dir, input });
    if (result.status === 'duplicate') throw new Error('unexpected duplicate');
    expect(result.facts).toEqual(['Engineers worked for 19 hours straight to bring the racks online, the company said.']);
  });

  it('reads "Colossus 2" as the name the added article writes, not as an edition it never covers', async () => {
    const dir = await seedsCopy();
    await addArticle({ corpusDir: dir, input: NEWS });
    const engine = await createEngine({ corpusDir: dir });
    const power = engine.answer('How much power does Colossus 2 draw?');
    expect(power.status).toBe('answered');
    expect(power.citations[0]!.quote).toMatch(/^The first phase of Colossus 2 draws about 1\.2 gigawatts/);
    // An edition nobody writes is still one the articles do not cover.
    expect(engine.answer('How much power does Colossus 7 draw?').status).toBe('no_answer');
  });

  it('counts what an added article counts, even a word that only frames a question ("how many people")', async () => {
    const dir = await seedsCopy();
    const notes = join(await mkdtemp(join(tmpdir(), 'grok-facts-notes-')), 'site-notes.txt');
    await writeFile(notes, 'Colossus site notes\n\nThe facility employs roughly 1,400 people across three shifts.\nIts cooling plant draws water from a local aquifer.\n');
    await addArticle({ corpusDir: dir, input: notes });
    const engine = await createEngine({ corpusDir: dir });
    const staff = engine.answer('how many people does the facility employ?');
    expect(staff.status).toBe('answered');
    expect(staff.citations[0]!.quote).toMatch(/^The facility employs roughly 1,400 people/);
  });

  it('a corpus folder that cannot take the article says so in one line and leaves sources.json as it was', async () => {
    const dir = await seedsCopy();
    // A folder where the article's file would go makes the write fail as a read-only folder would.
    await mkdir(join(dir, 'colossus-2-comes-online-to-train-grok-v9-successors.txt'));
    const before = await readFile(join(dir, 'sources.json'), 'utf8');
    const error = await addArticle({ corpusDir: dir, input: NEWS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(new RegExp(`^${NEWS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the corpus folder .* cannot be written \\(EISDIR\\); nothing was added`));
    expect(await readFile(join(dir, 'sources.json'), 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses the same story under a new headline and URL (a syndicated copy), and writes nothing', async () => {
    const dir = await seedsCopy();
    await addArticle({ corpusDir: dir, input: NEWS });
    const files = await snapshot(dir);
    const copy = join(await mkdtemp(join(tmpdir(), 'grok-facts-syndicated-')), 'syndicated.html');
    await writeFile(copy, (await readFile(NEWS, 'utf8')).replaceAll('Colossus 2 comes online to train Grok V9 successors', 'Colossus 2 is online, and it will train Grok V9’s successors').replaceAll('circuitledger.example/2026/05/30/colossus-2-online', 'wire.example/syndicated/colossus-2'));
    expect(await addArticle({ corpusDir: dir, input: copy })).toMatchObject({ status: 'duplicate', file: 'colossus-2-comes-online-to-train-grok-v9-successors.txt', why: 'nearly the same text' });
    expect(await snapshot(dir)).toEqual(files);
  });

  it('refuses the same article twice, by URL or by text, and writes nothing', async () => {
    const dir = await seedsCopy();
    await addArticle({ corpusDir: dir, input: NEWS });
    const files = await snapshot(dir);
    expect(await addArticle({ corpusDir: dir, input: NEWS })).toEqual({
      status: 'duplicate', file: 'colossus-2-comes-online-to-train-grok-v9-successors.txt', title: 'Colossus 2 comes online to train Grok V9 successors', why: 'the same URL',
      publisher: 'Circuit Ledger', published: '2026-05-30', url: 'https://circuitledger.example/2026/05/30/colossus-2-online',
    });
    // A page without a URL is recognised by its text.
    await addArticle({ corpusDir: dir, input: join(INGEST, 'title-only.html') });
    const copy = join(await mkdtemp(join(tmpdir(), 'grok-facts-copy-')), 'saved-again.htm');
    await writeFile(copy, (await readFile(join(INGEST, 'title-only.html'), 'utf8')).replace('<head>', '<head>\n<!-- saved again -->'));
    const files2 = await snapshot(dir);
    expect(await addArticle({ corpusDir: dir, input: copy })).toMatchObject({ status: 'duplicate', file: 'grok-v9-medium-waitlist-opens-for-developers.txt', why: 'the same text' });
    expect(await snapshot(dir)).toEqual(files2);
    expect(Object.keys(files2)).toEqual([...Object.keys(files), 'grok-v9-medium-waitlist-opens-for-developers.txt'].sort());
  });

  it('replaces the article under its existing name with --force', async () => {
    const dir = await seedsCopy();
    await addArticle({ corpusDir: dir, input: NEWS });
    const updated = join(await mkdtemp(join(tmpdir(), 'grok-facts-update-')), 'updated.html');
    await writeFile(updated, (await readFile(NEWS, 'utf8')).replace('13 million gallons', '15 million gallons'));
    const names = (await readdir(dir)).sort();
    expect(await addArticle({ corpusDir: dir, input: updated })).toMatchObject({ status: 'duplicate', why: 'the same URL' });
    expect(await addArticle({ corpusDir: dir, input: updated, force: true })).toMatchObject({ status: 'replaced', file: 'colossus-2-comes-online-to-train-grok-v9-successors.txt' });
    expect((await readdir(dir)).sort()).toEqual(names);
    expect(await readFile(join(dir, 'colossus-2-comes-online-to-train-grok-v9-successors.txt'), 'utf8')).toContain('15 million gallons');
  });

  it('refuses a page with no article, naming it, and writes nothing', async () => {
    const dir = await seedsCopy();
    const files = await snapshot(dir);
    const error = await addArticle({ corpusDir: dir, input: join(INGEST, 'no-article.html') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/no-article\.html: nothing article-like found/);
    expect(await snapshot(dir)).toEqual(files);
  });

  it('reads a saved page in the encoding it declares', async () => {
    const dir = await seedsCopy();
    const other = await mkdtemp(join(tmpdir(), 'grok-facts-1252-'));
    const html = (await readFile(join(INGEST, 'title-only.html'), 'utf8')).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').replace('a week before', 'a week before the “public” release, and');
    await writeFile(join(other, 'legacy.html'), Buffer.from(html.replace(/[“”]/g, (q) => (q === '“' ? '\x93' : '\x94')), 'latin1'));
    const result = await addArticle({ corpusDir: dir, input: join(other, 'legacy.html') });
    expect(result.status).toBe('added');
    expect(await readFile(join(dir, result.file), 'utf8')).toContain('a week before the “public” release');
  });

  it('refuses files it cannot read as an article', async () => {
    const dir = await seedsCopy();
    const other = await mkdtemp(join(tmpdir(), 'grok-facts-bad-'));
    await writeFile(join(other, 'scan.pdf'), '%PDF');
    await writeFile(join(other, 'binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const reason = (input: string) => addArticle({ corpusDir: dir, input }).catch((e: IngestError) => e.reason);
    expect(await reason(join(other, 'scan.pdf'))).toBe('only .html, .htm, .md and .txt files, or http(s) URLs, can be added');
    expect(await reason(join(other, 'binary.txt'))).toBe('is not UTF-8 text');
    expect(await reason(join(other, 'missing.html'))).toBe('no such file');
    // A folder is called a folder, even one whose name looks like a file (it was a raw EISDIR).
    await mkdir(join(other, 'clippings'));
    await mkdir(join(other, 'notes.txt'));
    expect(await reason(join(other, 'clippings'))).toBe(`is a folder; add the articles in it by name, e.g. grok-facts add ${join(other, 'clippings', '*')}`);
    expect(await reason(join(other, 'notes.txt'))).toMatch(/^is a folder; /);
  });

  it('refuses an article too large to index in reason, before reading it, and writes nothing', async () => {
    const dir = await seedsCopy();
    const before = await snapshot(dir);
    const other = await mkdtemp(join(tmpdir(), 'grok-facts-big-'));
    // Sparse: the size is all the check may look at.
    await writeFile(join(other, 'dump.txt'), '');
    await truncate(join(other, 'dump.txt'), 50 * 1024 * 1024);
    const error = await addArticle({ corpusDir: dir, input: join(other, 'dump.txt') }).catch((e: IngestError) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).reason).toMatch(/^too large \(50 MB, over the 20 MB limit: .*split it into several files$/);
    expect(await snapshot(dir)).toEqual(before);
    // A saved page is mostly markup: its own cap is the file's, and it says so.
    await writeFile(join(other, 'page.html'), '');
    await truncate(join(other, 'page.html'), 90 * 1024 * 1024);
    const page = await addArticle({ corpusDir: dir, input: join(other, 'page.html') }).catch((e: IngestError) => e.reason);
    expect(page).toMatch(/^too large for a saved page \(90 MB, over the 80 MB a page may be\)/);
  });

  it('adds a large article with a note of what it costs', async () => {
    const dir = await seedsCopy();
    const other = await mkdtemp(join(tmpdir(), 'grok-facts-large-'));
    const lines = ['Colossus site log'];
    for (let i = 0, size = 0; size < 5.3 * 1024 * 1024; i++) {
      lines.push(`Rack ${i} in hall ${i % 97} drew ${(i * 7) % 1000} kilowatts on day ${i % 365} of the build.`);
      size += lines.at(-1)!.length + 1;
    }
    await writeFile(join(other, 'log.txt'), `${lines.join('\n')}\n`);
    const result = await addArticle({ corpusDir: dir, input: join(other, 'log.txt') });
    expect(result.status).toBe('added');
    expect(result.status !== 'duplicate' && result.note).toBe("a large article (5 MB of text): the bot's next start takes longer to index it");
  }, 60_000);
});

describe('grok-facts add, Markdown and text', () => {
  it('keeps Markdown as .md, titled by its first heading, and indexes it by structure', async () => {
    const dir = await seedsCopy();
    const result = await addArticle({ corpusDir: dir, input: join(MARKDOWN, 'telescope-notes.md') });
    expect(result).toMatchObject({ status: 'added', file: 'orbital-lens-the-telescope-xai-wants-to-build.md', title: 'Orbital Lens: the telescope xAI wants to build' });
    expect(await readFile(join(dir, result.file), 'utf8')).toBe(await readFile(join(MARKDOWN, 'telescope-notes.md'), 'utf8'));
    if (result.status !== 'duplicate') expect(result.facts).toContain('Mirror diameter: 6.5 m');
  });

  it('adds a .txt as it is, titled by its first line', async () => {
    const dir = await seedsCopy();
    const other = await mkdtemp(join(tmpdir(), 'grok-facts-txt-'));
    const text = 'Grok V9-Medium pricing announced\n\nxAI said on June 4, 2026 that Grok V9-Medium will cost $3 per million input tokens through its API.\n';
    await writeFile(join(other, 'pricing.txt'), text);
    const result = await addArticle({ corpusDir: dir, input: join(other, 'pricing.txt') });
    expect(result).toMatchObject({ status: 'added', file: 'grok-v9-medium-pricing-announced.txt', title: 'Grok V9-Medium pricing announced', passages: 2 });
    expect(await readFile(join(dir, result.file), 'utf8')).toBe(text);
  });
});

describe('grok-facts add, a URL', () => {
  let server: Awaited<ReturnType<typeof startPageServer>>;
  beforeAll(async () => {
    const news = await readFile(NEWS, 'utf8');
    const titleOnly = await readFile(join(INGEST, 'title-only.html'), 'utf8');
    server = await startPageServer({
      '/short-link': (_, res) => res.writeHead(301, { location: '/2026/05/30/colossus-2-online' }).end(),
      '/2026/05/30/colossus-2-online': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(news),
      '/waitlist': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(titleOnly),
      '/image': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('png'),
    });
  });
  afterAll(() => server.close());

  it('takes the canonical URL from the page, or the URL it was read from', async () => {
    const dir = await seedsCopy();
    expect(await addArticle({ corpusDir: dir, input: server.url('/short-link') })).toMatchObject({ status: 'added', url: 'https://circuitledger.example/2026/05/30/colossus-2-online' });
    expect(await addArticle({ corpusDir: dir, input: server.url('/waitlist') })).toMatchObject({ status: 'added', url: server.url('/waitlist') });
    // The saved copy of a page already added from its URL is the same article.
    expect(await addArticle({ corpusDir: dir, input: NEWS })).toMatchObject({ status: 'duplicate', why: 'the same URL' });
  });

  it('fails with the URL and the reason', async () => {
    const dir = await seedsCopy();
    const error = await addArticle({ corpusDir: dir, input: server.url('/image') }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${server.url('/image')}: not HTML or plain text (image/png)`);
  });
});

describe('grok-facts add, with the bot\'s saved index', () => {
  it('adds to the saved index instead of building again, says what a build would, and leaves the record for the next start', async () => {
    const dir = await seedsCopy();
    // A file name that sorts one way by locale and another by code unit, as the corpus is read.
    await writeFile(join(dir, 'Zeta_notes.txt'), 'Zeta notes\nThe Zeta team met in Memphis on Monday to plan the rollout, a memo says.\n');
    const dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-add-data-'));
    await createEngine({ corpusDir: dir, dataDir }); // builds and saves, as the bot's first start does
    const plainDir = await seedsCopy();
    await writeFile(join(plainDir, 'Zeta_notes.txt'), 'Zeta notes\nThe Zeta team met in Memphis on Monday to plan the rollout, a memo says.\n');
    const plain = await addArticle({ corpusDir: plainDir, input: NEWS });
    const added = await addArticle({ corpusDir: dir, dataDir, input: NEWS, minPassagesToAdd: 0 });
    expect(added).toEqual(plain);
    // A second input in the same run adds to the index the first left, not to the saved one again.
    const second = await addArticle({ corpusDir: dir, dataDir, input: join(MARKDOWN, 'telescope-notes.md'), minPassagesToAdd: 0 });
    expect(second.status).toBe('added');
    const records = (await readdir(dataDir)).filter((f) => f.startsWith('additions-'));
    expect(records).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dataDir, records[0]!), 'utf8')).added).toEqual([[added.file], [second.file]]);

    const engine = await createEngine({ corpusDir: dir, dataDir });
    expect(engine.loaded()!.result.from).toBe('saved');
    const answer = engine.answer('How many accelerators does the site house?');
    expect(answer.citations[0]!.quote).toBe('The site houses 550,000 accelerators in its first phase, and xAI plans to reach one million by the end of 2027.');
  });
});

describe('a running bot', () => {
  it('picks up an added article through live reload', async () => {
    const dir = await seedsCopy();
    const engine = await createEngine({ corpusDir: dir });
    const question = 'How much cooling water will the recycling plant supply?';
    expect(engine.answer(question).status).toBe('no_answer');
    const reloaded = new Promise<void>((resolve) => {
      const watcher = watchCorpus(engine, dir, createLogger({ level: 'silent' }), () => {
        if (engine.answer(question).status === 'answered') {
          watcher.close();
          resolve();
        }
      });
    });
    await addArticle({ corpusDir: dir, input: NEWS });
    await reloaded;
    expect(engine.answer(question).citations[0]!.source).toBe('colossus-2-comes-online-to-train-grok-v9-successors');
  }, 15_000);
});
