import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const START = resolve(ROOT, 'dist/adapters/start.js');

/** `npm start` with no credentials: the console chat, its stdin kept open until the test ends it. */
function consoleBot(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'grok-console-stop-'));
  const env = { ...process.env, NO_COLOR: '1', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', PUBLIC_URL: '', ADMIN_TOKEN: '', DATA_DIR: dataDir, ...extra };
  const child = spawn(process.execPath, [START], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const pidFile = join(dataDir, `grok-facts.${child.pid}.pid`);
  const started = async () => {
    const deadline = Date.now() + 15_000;
    while (!existsSync(pidFile)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the console chat did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, pidFile, dataDir, started, stderr: () => stderr };
}

const pidFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.pid'));

describe('npm start in console mode, stopping', () => {
  it('ends quietly with status 0 and removes its pid file when its stdout pipe closes', async () => {
    const bot = consoleBot();
    await bot.started();
    // `… | true`: the reader is gone before the answer is written.
    bot.child.stdout!.destroy();
    bot.child.stdin!.end('how many parameters?\n');
    const { code } = await bot.exited;
    expect(bot.stderr()).not.toMatch(/EPIPE|Unhandled|at chat/);
    expect(code).toBe(0);
    expect(pidFiles(bot.dataDir)).toEqual([]);
  });

  it.each([
    ['without pages', {}],
    ['with the web pages on', { ADMIN_TOKEN: 'a-test-admin-token-long-enough', PORT: '0' }],
  ])('exits 0 on SIGTERM and removes its pid file (%s)', async (_name, extra) => {
    const bot = consoleBot(extra);
    await bot.started();
    bot.child.stdout!.resume();
    bot.child.kill('SIGTERM');
    const { code, signal } = await bot.exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(existsSync(bot.pidFile)).toBe(false);
  });
});
