import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import { createEngine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log/logger.js';

const ROOT = resolve(import.meta.dirname, '../..');
const GOOD = 'Grok V9 Medium has 1.5 trillion parameters, the company said on Monday.\n';

function corpus(files: Record<string, string | Buffer>, folders: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'grok-policy-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  for (const name of folders) mkdirSync(join(dir, name));
  return dir;
}

function capture() {
  const lines: { level: string; msg: string }[] = [];
  return { lines, logger: createLogger({ write: (l) => lines.push(JSON.parse(l)) }) };
}

const LATIN1 = Buffer.from('Caf\xe9 na\xefve r\xe9sum\xe9 about Grok.\n', 'latin1');

describe('one bad article never takes the corpus down', () => {
  it('at start, a latin-1 file and a folder named sub.txt are skipped and named with the reason; the rest load', async () => {
    const dir = corpus({ 'good.txt': GOOD, 'latin.txt': LATIN1 }, ['sub.txt']);
    const { lines, logger } = capture();
    const engine = await createEngine({ corpusDir: dir, logger });
    expect(engine.sources().map((s) => s.file)).toEqual(['good.txt']);
    expect(engine.skipped()).toEqual([
      { file: 'latin.txt', reason: 'is not UTF-8 text' },
      { file: 'sub.txt', reason: 'is a folder, not a file' },
    ]);
    const warnings = lines.filter((l) => l.level === 'warn').map((l) => l.msg);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('latin.txt is not UTF-8 text'), expect.stringContaining('sub.txt is a folder')]));
    expect(engine.answer('How many parameters does Grok V9 Medium have?').status).toBe('answered');
  });

  it('an empty file, or one of only white space, is skipped as having no text, not listed as an article', async () => {
    const dir = corpus({ 'good.txt': GOOD, 'empty.md': '', 'blank.txt': '\uFEFF \n\n\t\n' });
    const engine = await createEngine({ corpusDir: dir, logger: capture().logger });
    expect(engine.sources().map((s) => s.file)).toEqual(['good.txt']);
    expect(engine.skipped()).toEqual([
      { file: 'blank.txt', reason: 'has no text' },
      { file: 'empty.md', reason: 'has no text' },
    ]);
  });

  it('reload follows the same policy', async () => {
    const dir = corpus({ 'good.txt': GOOD });
    const engine = await createEngine({ corpusDir: dir, logger: capture().logger });
    writeFileSync(join(dir, 'latin.txt'), LATIN1);
    const result = await engine.reload();
    expect(result.skipped).toEqual([{ file: 'latin.txt', reason: 'is not UTF-8 text' }]);
    expect(engine.skipped()).toEqual(result.skipped);
  });

  it('is an error only when no article at all can be read, naming each file', async () => {
    const dir = corpus({ 'latin.txt': LATIN1 }, ['sub.txt']);
    const error = await createEngine({ corpusDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(/no readable article.*latin\.txt is not UTF-8 text.*sub\.txt is a folder/);
  });

  it('warns loudly about an empty corpus folder', async () => {
    const dir = corpus({});
    const { lines, logger } = capture();
    await createEngine({ corpusDir: dir, logger });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([expect.stringMatching(new RegExp(`${dir} has no articles.*not in my sources`))]);
  });

  it('warns about a sources.json entry naming a missing file', async () => {
    const dir = corpus({ 'good.txt': GOOD, 'sources.json': JSON.stringify({ 'good.txt': { title: 'Good' }, 'gone.txt': { title: 'Gone' } }) });
    const { lines, logger } = capture();
    await createEngine({ corpusDir: dir, logger });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['sources.json describes "gone.txt", which is not in the corpus folder']);
  });

  it('grok-facts sources lists a skipped file with its reason, and --json gives null for missing fields', () => {
    const dir = corpus({ 'good.txt': GOOD, 'latin.txt': LATIN1 });
    const env = { ...process.env, NO_COLOR: '1', CORPUS_DIR: dir, DATA_DIR: join(dir, 'data') };
    const text = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli/main.js'), 'sources'], { cwd: ROOT, encoding: 'utf8', env });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('skipped latin.txt: is not UTF-8 text');
    expect(text.stdout).toMatch(/1 article, \d+ distinct passages?, 1 file skipped/);
    expect(text.stderr).toContain('latin.txt');
    const json = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli/main.js'), 'sources', '--json'], { cwd: ROOT, encoding: 'utf8', env });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ file: 'good.txt', publisher: null, published: null, url: null });
  });
});
