import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist/cli/main.js');
const GOOD = 'Grok V9 Medium has 1.5 trillion parameters, the company said on Monday.\n';
const NEW = 'The Zorblat accelerator that trains Grok V9 Medium has 4,096 chips, engineers said on Tuesday.\n';

function cli(args: string[], input: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('console chat commands', () => {
  it.each(['quit', 'exit', '/quit', 'Exit'])('"%s" ends the chat instead of being answered', (word) => {
    const { code, stdout } = cli([], `${word}\nHow many parameters does Grok V9 Medium have?\n`);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\[#?\d+\]/);
    expect(stdout).not.toMatch(/quite/i);
  });

  it.each(['how do I quit?', 'quit please', 'bye', 'exit now'])('"%s" ends the chat too, not "…quite clear"', (line) => {
    const { code, stdout } = cli([], `${line}\nHow many parameters does Grok V9 Medium have?\n`);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\[#?\d+\]/);
    expect(stdout).not.toMatch(/quite|not in my sources/i);
  });

  it('"help?" and "sources please" are the commands, not questions the sources lack', () => {
    const { stdout } = cli([], 'help?\nsources please\n');
    expect(stdout).not.toMatch(/not in my sources/i);
    expect(stdout.split('\n').filter((l) => l.startsWith('Ask about the Grok V9-Medium announcement'))).toHaveLength(1);
    expect(stdout).toMatch(/^ {2}• /m);
  });

  it('"help" and "/help" print one line with three example questions, not the previous answer', () => {
    const { stdout } = cli([], 'How many parameters does Grok V9 Medium have?\nhelp\n/help\n');
    const helpLines = stdout.split('\n').filter((l) => l.startsWith('Ask about the Grok V9-Medium announcement'));
    expect(helpLines).toHaveLength(2);
    for (const line of helpLines) {
      expect(line).toMatch(/Commands: help, sources, quit\./);
      expect(line.match(/“[^”]+”/g)).toHaveLength(3);
    }
  });
});

describe('console chat and the corpus folder', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });

  function startChat(corpusDir: string, dataDir: string) {
    const child = spawn(process.execPath, [BIN], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CORPUS_DIR: corpusDir, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const seen = { stdout: '', stderr: '' };
    child.stdout!.on('data', (c) => (seen.stdout += String(c)));
    child.stderr!.on('data', (c) => (seen.stderr += String(c)));
    const until = async (what: () => boolean, label: string) => {
      const deadline = Date.now() + 10_000;
      while (!what()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(seen)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    return { child, seen, until };
  }

  it('picks up a new article, and `grok-facts reload` signals every chat running on the DATA_DIR', async () => {
    const corpusDir = mkdtempSync(join(tmpdir(), 'grok-chat-corpus-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'grok-chat-data-'));
    writeFileSync(join(corpusDir, 'good.txt'), GOOD);
    const a = startChat(corpusDir, dataDir);
    const b = startChat(corpusDir, dataDir);
    await a.until(() => a.seen.stdout.includes('Commands:'), 'chat a');
    await b.until(() => b.seen.stdout.includes('Commands:'), 'chat b');
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.pid')).sort()).toEqual([`grok-facts.${a.child.pid}.pid`, `grok-facts.${b.child.pid}.pid`].sort());

    writeFileSync(join(corpusDir, 'new.txt'), NEW);
    await a.until(() => a.seen.stderr.includes('corpus reloaded'), 'the watcher to reload');
    a.child.stdin!.write('How many chips does the Zorblat accelerator have?\n');
    await a.until(() => a.seen.stdout.includes('4,096 chips'), 'the answer from the new article');

    const reload = cli(['reload'], '', { DATA_DIR: dataDir });
    expect(reload.code).toBe(0);
    expect(reload.stdout).toContain('2 running bots');
    await b.until(() => (b.seen.stderr.match(/corpus reloaded/g) ?? []).length >= 2, 'chat b to reload on SIGHUP');

    // One stopping leaves the other findable.
    a.child.stdin!.end('quit\n');
    await new Promise((r) => a.child.once('exit', r));
    const again = cli(['reload'], '', { DATA_DIR: dataDir });
    expect(again.stdout).toContain(`pid ${b.child.pid}`);
    b.child.stdin!.end('quit\n');
    await new Promise((r) => b.child.once('exit', r));
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.pid'))).toEqual([]);
  }, 30_000);
});
