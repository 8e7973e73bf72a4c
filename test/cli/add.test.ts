import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist/cli/main.js');
const INGEST = resolve(ROOT, 'test/fixtures/ingest');

function corpus(): { corpus: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'grok-facts-cli-add-'));
  cpSync(resolve(ROOT, 'seeds'), join(dir, 'corpus'), { recursive: true });
  return { corpus: join(dir, 'corpus'), data: join(dir, 'data') };
}

function cli(dirs: { corpus: string; data: string }, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CORPUS_DIR: dirs.corpus, DATA_DIR: dirs.data },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/ is missing: npm test builds it first (npm run build)');
});

describe('grok-facts add', () => {
  it('prints title, publisher, date, passages and the new facts; a second time, the duplicate', () => {
    const dirs = corpus();
    const first = cli(dirs, ['add', join(INGEST, 'news-page.html')]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Added colossus-2-comes-online-to-train-grok-v9-successors.txt',
      '  title      Colossus 2 comes online to train Grok V9 successors',
      '  publisher  Circuit Ledger',
      '  published  2026-05-30',
      '  url        https://circuitledger.example/2026/05/30/colossus-2-online',
      expect.stringMatching(/^ {2}passages {3}\d+$/),
    ]);
    expect(lines[6]).toBe('New to the corpus:');
    expect(lines.slice(7).every((l) => l.startsWith('  • '))).toBe(true);
    expect(lines.slice(7)).toHaveLength(3);

    const again = cli(dirs, ['add', join(INGEST, 'news-page.html')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(
      'already in the corpus as colossus-2-comes-online-to-train-grok-v9-successors.txt (“Colossus 2 comes online to train Grok V9 successors”, the same URL); nothing was written. Use --force to replace it.\n',
    );
    expect(cli(dirs, ['add', '--force', join(INGEST, 'news-page.html')]).stdout).toMatch(/^Replaced colossus-2/);

    // The new article is answered by a one-shot ask right after.
    const ask = cli(dirs, ['ask', '--json', 'How many accelerators does the site house?']);
    expect(JSON.parse(ask.stdout).citations[0].source).toBe('colossus-2-comes-online-to-train-grok-v9-successors');
  });

  it('gives one line per failure, goes on with the rest, and exits 1', () => {
    const dirs = corpus();
    const result = cli(dirs, ['add', join(INGEST, 'no-article.html'), join(INGEST, 'missing.html'), join(INGEST, 'title-only.html')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `grok-facts add: ${join(INGEST, 'no-article.html')}: nothing article-like found (no paragraphs of running text)\n` +
        `grok-facts add: ${join(INGEST, 'missing.html')}: no such file\n`,
    );
    expect(result.stdout).toMatch(/^Added grok-v9-medium-waitlist-opens-for-developers\.txt\n/);
    expect(readdirSync(dirs.corpus)).toContain('grok-v9-medium-waitlist-opens-for-developers.txt');
  });

  it('prints one JSON line per input with --json, and needs an input', () => {
    const dirs = corpus();
    const json = cli(dirs, ['add', '--json', join(INGEST, 'title-only.html')]);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'added', title: 'Grok V9-Medium waitlist opens for developers', passages: expect.any(Number), facts: expect.any(Array) });
    // A field the page does not state is null, as in ask --json and sources --json, not left out.
    const entry = JSON.parse(json.stdout);
    for (const key of ['publisher', 'published', 'url']) expect(entry).toHaveProperty(key);
    expect(Object.values({ publisher: entry.publisher, published: entry.published, url: entry.url })).toContain(null);
    // Every input gets its line: a duplicate with the fields of the article it duplicates, a failure with its reason.
    const again = cli(dirs, ['add', '--json', join(INGEST, 'title-only.html'), join(dirs.corpus, 'no-such-file.md')]);
    expect(again.code).toBe(1);
    const [duplicate, failed] = again.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(duplicate).toMatchObject({ status: 'duplicate', why: 'the same text' });
    for (const key of ['publisher', 'published', 'url']) expect(duplicate).toHaveProperty(key);
    expect(failed).toMatchObject({ input: join(dirs.corpus, 'no-such-file.md'), status: 'failed', error: expect.stringMatching(/./) });
    const usage = cli(dirs, ['add']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^grok-facts: add needs a file or URL/);
  });

  it("from an installed copy, adds to a corpus folder of the admin's own, not the package's seeds in node_modules", () => {
    // An installed copy: the package as npm puts it, run from the admin's folder with no CORPUS_DIR.
    const app = mkdtempSync(join(tmpdir(), 'grok-facts-installed-'));
    const pkg = join(app, 'node_modules', 'grok-facts');
    for (const part of ['package.json', 'dist', 'seeds', 'src']) cpSync(resolve(ROOT, part), join(pkg, part), { recursive: true });
    // Its dependencies are found as an install finds them, beside it (here: this checkout's).
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DATA_DIR: join(app, 'data'), NODE_PATH: join(ROOT, 'node_modules') };
    delete env.CORPUS_DIR;
    const run = (args: string[]) => spawnSync(process.execPath, [join(pkg, 'dist/cli/main.js'), ...args], { cwd: app, encoding: 'utf8', env });
    const shipped = readdirSync(join(pkg, 'seeds')).sort();
    const first = run(['add', join(INGEST, 'news-page.html')]);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('Started a corpus folder of your own, seeds, with the package');
    expect(first.stdout).toMatch(/^Added colossus-2/);
    // The package's seeds are as shipped; the admin's folder has them and the new article.
    expect(readdirSync(join(pkg, 'seeds')).sort()).toEqual(shipped);
    expect(readdirSync(join(app, 'seeds')).sort()).toEqual([...shipped, 'colossus-2-comes-online-to-train-grok-v9-successors.txt'].sort());
    // Later runs from that folder read it, and a second add says nothing more of it.
    const ask = run(['ask', '--json', 'How many accelerators does the site house?']);
    expect(JSON.parse(ask.stdout).citations[0].source).toBe('colossus-2-comes-online-to-train-grok-v9-successors');
    const second = run(['add', join(INGEST, 'title-only.html')]);
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
    expect(readdirSync(join(app, 'seeds'))).toContain('grok-v9-medium-waitlist-opens-for-developers.txt');
  });
});
