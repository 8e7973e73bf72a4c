import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const START = resolve(ROOT, 'dist/adapters/start.js');

function corpusWithABadFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grok-console-'));
  writeFileSync(join(dir, 'good.txt'), 'Grok V9 Medium has 1.5 trillion parameters, the company said on Monday.\n');
  writeFileSync(join(dir, 'latin.txt'), Buffer.from('Caf\xe9 about Grok.\n', 'latin1'));
  return dir;
}

const env = (corpus: string) => ({ ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', CORPUS_DIR: corpus, DATA_DIR: join(corpus, 'data') });

describe('npm start in console mode', () => {
  // `script` gives the bot a terminal, as a person running `npm start` has.
  it.runIf(existsSync('/usr/bin/script'))('shows a person readable warnings, not JSON, between answers', () => {
    const corpus = corpusWithABadFile();
    const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} ${START}`, '/dev/null'], { cwd: ROOT, input: 'quit\n', encoding: 'utf8', env: env(corpus), timeout: 20_000 });
    expect(r.stdout).toMatch(/grok-facts warning: corpus file skipped: latin\.txt is not UTF-8 text/);
    expect(r.stdout).not.toContain('{"level"');
  });

  it('keeps JSON lines when the log goes to a pipe', () => {
    const corpus = corpusWithABadFile();
    const r = spawnSync(process.execPath, [START], { cwd: ROOT, input: 'quit\n', encoding: 'utf8', env: env(corpus), timeout: 20_000 });
    const warning = r.stderr.split('\n').find((l) => l.includes('latin.txt'))!;
    expect(JSON.parse(warning)).toMatchObject({ level: 'warn', file: 'latin.txt', reason: 'is not UTF-8 text' });
  });
});
