import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The launcher runs the bundle with V8's code cache; the cache may only ever change speed, never output.
const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = resolve(ROOT, 'dist/cli');
// A copy inside dist/, so the bundle still finds the project by walking up, and the real cache is never touched.
let copy: string;
const data = mkdtempSync(join(tmpdir(), 'grok-facts-launcher-'));
// Commands that take different paths through the bundle: a lazily loaded one, one that exits early.
const COMMANDS = [['ask', '--json', 'How many parameters does Grok V9 Medium have?'], ['--version'], ['sources', '--json']];

function runAll(bin: string) {
  return COMMANDS.map((args) => run(bin, args));
}

function run(bin: string, args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DATA_DIR: data, CORPUS_DIR: join(ROOT, 'seeds') },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  copy = mkdtempSync(join(ROOT, 'dist', 'launcher-test-'));
  for (const file of ['main.js', 'bundle.cjs']) copyFileSync(join(BUILT, file), join(copy, file));
});
afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

describe('the grok-facts launcher', () => {
  it('the build ships a code cache beside the bundle', () => {
    expect(existsSync(join(BUILT, 'bundle.cjs.cache'))).toBe(true);
  });

  it('answers the same with no cache, writes one, then keeps it; a corrupt cache is replaced, not fatal', () => {
    const reference = runAll(join(BUILT, 'main.js'));
    expect(reference.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(reference.map((r) => r.stderr)).toEqual(['', '', '']);
    const bin = join(copy, 'main.js');
    const cache = join(copy, 'bundle.cjs.cache');

    const cold = runAll(bin);
    expect(cold).toEqual(reference);
    expect(existsSync(cache)).toBe(true);

    // An accepted cache is not rewritten: the bytes after a warm run are the bytes before it.
    const written = readFileSync(cache);
    expect(runAll(bin)).toEqual(reference);
    expect(readFileSync(cache).equals(written)).toBe(true);

    writeFileSync(cache, Buffer.from('not a V8 code cache'));
    const corrupt = runAll(bin);
    expect(corrupt).toEqual(reference);
    expect(readFileSync(cache).length).toBeGreaterThan(1000);

    // Damage behind a good header: V8 checks only the header, and trusting the rest crashed the process in V8.
    const good = readFileSync(cache);
    const damaged = Buffer.from(good);
    damaged.fill(0, 4096, 8192);
    writeFileSync(cache, damaged);
    expect(runAll(bin)).toEqual(reference);
    expect(readFileSync(cache).equals(damaged)).toBe(false);
  });

  it('never gives a changed bundle an old cache, even one of the same length', () => {
    const bin = join(copy, 'main.js');
    expect(run(bin, ['--version']).code).toBe(0);
    const bundle = join(copy, 'bundle.cjs');
    const source = readFileSync(bundle, 'utf8');
    expect(source).toContain('console chat (help, sources, quit)');
    writeFileSync(bundle, source.replace('console chat (help, sources, quit)', 'CONSOLE CHAT (HELP, SOURCES, QUIT)'));
    try {
      expect(run(bin, ['--help']).stdout).toContain('CONSOLE CHAT (HELP, SOURCES, QUIT)');
    } finally {
      writeFileSync(bundle, source);
    }
  });

  it('keeps the shipped cache in a copy whose files have new times, as npm pack and install give them', () => {
    const shipped = mkdtempSync(join(ROOT, 'dist', 'launcher-test-'));
    try {
      for (const file of ['main.js', 'bundle.cjs', 'bundle.cjs.cache']) copyFileSync(join(BUILT, file), join(shipped, file));
      const packed = new Date('1985-10-26T08:15:00Z'); // the time npm pack gives every file
      for (const file of readdirSync(shipped)) utimesSync(join(shipped, file), packed, packed);
      const before = readFileSync(join(shipped, 'bundle.cjs.cache'));
      expect(run(join(shipped, 'main.js'), ['ask', '--json', 'How many parameters does Grok V9 Medium have?']).code).toBe(0);
      // Accepted, so not rewritten: a rejected cache is replaced on exit.
      expect(readFileSync(join(shipped, 'bundle.cjs.cache')).equals(before)).toBe(true);
      expect(statSync(join(shipped, 'bundle.cjs.cache')).mtime.getTime()).toBe(packed.getTime());
    } finally {
      rmSync(shipped, { recursive: true, force: true });
    }
  });

  it('leaves no partial file behind when the cache cannot be written', () => {
    const bin = join(copy, 'main.js');
    const cache = join(copy, 'bundle.cjs.cache');
    rmSync(cache, { force: true });
    // A folder where the cache goes: the write succeeds, the rename over it fails.
    mkdirSync(cache);
    try {
      expect(run(bin, ['--version']).code).toBe(0);
      expect(readdirSync(copy).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
