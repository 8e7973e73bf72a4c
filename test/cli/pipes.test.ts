import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist/cli/main.js');

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/** The real built command with its stdout's reading end closed before it writes anything (`| head -0`). */
async function withClosedStdout(args: string[], input?: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout!.destroy();
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(input ?? '');
  const code = await exited(child);
  return { code, stderr };
}

function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

describe('the grok-facts command on closed pipes', () => {
  it('ask --stdin --json into a closed pipe ends quietly with status 0', async () => {
    const questions = Array.from({ length: 50 }, () => 'How many parameters does Grok V9 Medium have?').join('\n');
    const { code, stderr } = await withClosedStdout(['ask', '--stdin', '--json'], questions);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.each([[['sources']], [['sources', '--json']], [['ask', 'How many parameters?']], [['--help']]])('%j into a closed pipe ends quietly with status 0', async (args) => {
    const { code, stderr } = await withClosedStdout(args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

/** `grok-facts chat` started with a data folder of its own, once its pid file is written; and the pid files left there. */
async function startedChat(): Promise<{ child: ChildProcess; pidFiles: () => string[] }> {
  const { mkdtempSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = mkdtempSync(join(tmpdir(), 'grok-chat-'));
  const pidFiles = () => readdirSync(dataDir).filter((n) => n.endsWith('.pid'));
  const child = spawn(process.execPath, [BIN, 'chat'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => undefined);
  const deadline = Date.now() + 15_000;
  while (pidFiles().length === 0 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  return { child, pidFiles };
}

describe('grok-facts chat on a closed pipe', () => {
  it('ends with status 0 and removes its pid file (process.exit skips finally blocks)', async () => {
    const { child, pidFiles } = await startedChat();
    child.stdout!.destroy();
    child.stdin!.end('how many parameters?\n');
    expect(await exited(child)).toBe(0);
    expect(pidFiles()).toEqual([]);
  });
});

describe('grok-facts chat stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s ends it with status 0 and removes its pid file', async (signal) => {
    const { child, pidFiles } = await startedChat();
    child.kill(signal);
    expect(await exited(child)).toBe(0);
    expect(pidFiles()).toEqual([]);
  });
});

describe('ask --stdin with a slow reader', () => {
  // Linux-only measurement (/proc); the bot's home is Linux.
  it.runIf(process.platform === 'linux')('waits for the reader instead of buffering answers in memory', async () => {
    const lines = 20_000;
    const input = Array.from({ length: lines }, (_, i) => (i % 2 ? 'How many parameters does Grok V9 Medium have?' : 'When is the public launch expected?')).join('\n');
    const child = spawn(process.execPath, [BIN, 'ask', '--stdin', '--json'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.end(input);
    child.stdout!.pause();
    // Nobody reads for three seconds: without backpressure the answers pile up in the writer.
    await new Promise((r) => setTimeout(r, 1000));
    const early = peakRssKb(child.pid!);
    await new Promise((r) => setTimeout(r, 2500));
    const stalled = peakRssKb(child.pid!);
    let received = 0;
    let tail = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('utf8');
      const parts = text.split('\n');
      tail = parts.pop()!;
      received += parts.length;
    });
    child.stdout!.resume();
    const code = await exited(child);
    expect(code).toBe(0);
    expect(received).toBe(lines);
    expect(stalled - early).toBeLessThan(10_000);
  }, 60_000);

  it('keeps memory flat on one enormous line and still reports it as too long', async () => {
    const huge = 'a'.repeat(30_000_000);
    const child = spawn(process.execPath, [BIN, 'ask', '--stdin', '--json'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout!.on('data', (c) => (stdout += String(c)));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakRssKb(child.pid!))), 50);
    child.stdin!.end(`${huge}\nWhen is the public launch expected?\n`);
    const code = await exited(child);
    clearInterval(sampler);
    const entries = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(code).toBe(0);
    expect(entries.map((e) => e.status)).toEqual(['no_answer', 'answered']);
    expect(entries[0].error).toMatch(/500 characters/);
    if (process.platform === 'linux') expect(peak).toBeLessThan(200_000);
  }, 60_000);
});
