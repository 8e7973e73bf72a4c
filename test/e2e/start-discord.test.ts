import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { GENEROUS_LIMITS_ENV } from '../helpers/limits.js';
import { freshDataDir, startBotExpectingExit } from '../helpers/start-bot.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.start-test.token-for-tests-only-abc';
const fake = new FakeDiscord();
let child: ChildProcess;
let stderr = '';

beforeAll(async () => {
  await fake.start();
  // As a new user would: `DISCORD_TOKEN=... DISCORD_API_BASE=... npm start` (npm start runs this file).
  child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    // A data folder of its own, so the questions it is asked never reach the checkout's report and digest.
    env: { ...process.env, ...GENEROUS_LIMITS_ENV, DATA_DIR: freshDataDir(), DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, SLACK_BOT_TOKEN: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const deadline = Date.now() + 15_000;
  while (!stderr.includes('discord ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not become ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await fake.close();
});

describe('npm start with Discord configured', () => {
  it('connects and answers /grok-facts and mentions', async () => {
    const { id } = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'How many parameters does Grok V9 Medium have?' }]);
    const callback = await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(callback.body.data.embeds[0].description).toMatch(/1\.5 ?(trillion|T)/);

    const messageId = fake.message({ content: `<@${fake.bot.id}> Where is the Colossus supercomputer?`, mentionsBot: true });
    const reply = await fake.waitForRequest((r) => r.body?.message_reference?.message_id === messageId);
    expect(reply.body.embeds[0].description).toContain('Memphis');
  });

  it('never writes the token to its logs', () => {
    expect(stderr).toContain('discord ready');
    expect(stderr).not.toContain(TOKEN);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('npm start with a token Discord turns down', () => {
  it('exits 1 with one line naming DISCORD_TOKEN, without its value or a stack trace', async () => {
    fake.rejectTokens = true;
    try {
      const { code, stderr } = await startBotExpectingExit({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase });
      expect(code).toBe(1);
      expect(stderr).toContain('Discord rejected DISCORD_TOKEN');
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toContain(TOKEN);
    } finally {
      fake.rejectTokens = false;
    }
  });
});
