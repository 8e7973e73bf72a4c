import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENEROUS_LIMITS_ENV } from './limits.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A data folder of its own for each bot a test starts: its questions never reach the checkout's data/ (report, digest). */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'grok-facts-bot-data-'));
}

/** `npm start` (dist/adapters/start.js) as a child process, resolved once its log says `ready`. */
export async function startBot(env: Record<string, string>, ready = 'slack started'): Promise<{ child: ChildProcess; logs: () => string; stop: () => Promise<number | null> }> {
  let stderr = '';
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: { ...process.env, ...GENEROUS_LIMITS_ENV, DATA_DIR: freshDataDir(), DISCORD_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const deadline = Date.now() + 15_000;
  while (!stderr.includes(ready)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, logs: () => stderr, stop: () => stopBot(child) };
}

/**
 * `npm start` expected to refuse: resolved with its exit status and everything it wrote to stderr
 * (killed after 15 s). `sigtermAfterMs` sends SIGTERM that long after the start, as a person stopping it would.
 */
export async function startBotExpectingExit(env: Record<string, string>, sigtermAfterMs?: number): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: { ...process.env, ...GENEROUS_LIMITS_ENV, DATA_DIR: freshDataDir(), DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const signal = sigtermAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGTERM'), sigtermAfterMs);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  clearTimeout(timer);
  clearTimeout(signal);
  return { code, stderr };
}

/** SIGTERM, as a supervisor stops the bot, resolved with its exit status. */
export async function stopBot(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}
