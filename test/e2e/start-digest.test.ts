import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/store/database.js';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { GENEROUS_LIMITS_ENV } from '../helpers/limits.js';

const ROOT = resolve(import.meta.dirname, '../..');
const fake = new FakeDiscord();
let dataDir: string;
const children: ChildProcess[] = [];

async function startBot(): Promise<ChildProcess> {
  let stderr = '';
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: { ...process.env, ...GENEROUS_LIMITS_ENV, DISCORD_TOKEN: 'start.digest.token', DISCORD_API_BASE: fake.apiBase, SLACK_BOT_TOKEN: '', DATA_DIR: dataDir, DIGEST_TICK_SECONDS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stderr!.on('data', (c) => (stderr += String(c)));
  const deadline = Date.now() + 15_000;
  while (!stderr.includes('discord ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return child;
}

const digestPosts = () => fake.requests.filter((r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && r.body?.embeds?.[0]?.title?.startsWith('📰'));

async function command(sub: string, options: { name: string; type: number; value: unknown }[] = []) {
  const { id } = fake.slashCommand('grok-facts-digest', [{ name: sub, type: 1, options }]);
  return (await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`), 10_000)).body.data;
}

async function waitUntilRecordedAsSent(): Promise<void> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const deadline = Date.now() + 5000;
    while (!(db.prepare("SELECT 1 FROM deliveries WHERE state = 'sent'").get())) {
      if (Date.now() > deadline) throw new Error('the digest was never recorded as sent');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await fake.start();
  dataDir = await mkdtemp(join(tmpdir(), 'grok-facts-data-'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake.close();
});

describe('npm start: daily digest through a kill -9', () => {
  it('posts once, survives SIGKILL with its subscription, and does not post again the same day', async () => {
    const first = await startBot();
    // 00:00 UTC has always passed today, so the digest is due at once.
    expect((await command('subscribe', [{ name: 'time', type: 3, value: '00:00' }, { name: 'timezone', type: 3, value: 'UTC' }])).content).toMatch(/Daily digest/);
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && r.body?.embeds?.[0]?.title?.startsWith('📰'), 10_000);
    // Killed after the send has been recorded (the crash window in between is covered by Discord's nonce).
    await waitUntilRecordedAsSent();
    const killed = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await killed;

    await startBot();
    expect((await command('status')).content).toMatch(/at 00:00 \(UTC\)[^\n]*last sent/);
    await new Promise((r) => setTimeout(r, 2500)); // two more ticks
    expect(digestPosts()).toHaveLength(1);
  });
});
