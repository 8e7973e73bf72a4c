import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/fake-slack.js';
import { freePort } from '../helpers/free-port.js';
import { GENEROUS_LIMITS_ENV } from '../helpers/limits.js';
import { stopBot } from '../helpers/start-bot.js';

const ROOT = resolve(import.meta.dirname, '../..');
const fake = new FakeSlack();
// One data folder: the index saved by the first start makes the others quick.
const DATA_DIR = mkdtempSync(join(tmpdir(), 'gf-web-'));

function startBot(env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore') {
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: { ...process.env, ...GENEROUS_LIMITS_ENV, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', PUBLIC_URL: '', ADMIN_TOKEN: '', DATA_DIR, ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += String(c)));
  child.stderr!.on('data', (c) => (output += String(c)));
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 15_000;
    while (!output.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null) {
        // Killed, so the test fails now with what the bot said, rather than at vitest's timeout
        // while a stuck start ignores SIGTERM (once seen in CI under load, with nothing to go on).
        child.kill('SIGKILL');
        console.error(`start-web: never saw "${text}":\n${output}`);
        throw new Error(`never saw "${text}": ${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, waitFor, output: () => output };
}

beforeAll(() => fake.start());
afterAll(() => fake.close());

describe('npm start serves the pages on PORT when Slack is not over HTTP', () => {
  it('with Slack in Socket Mode and PUBLIC_URL / ADMIN_TOKEN set', async () => {
    const port = await freePort();
    const bot = startBot({
      SLACK_BOT_TOKEN: 'xoxb-1-2-web-test',
      SLACK_APP_TOKEN: 'xapp-1-A1-2-web-test',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ADMIN_TOKEN: 'web-start-admin-token-0123456789',
    });
    try {
      await bot.waitFor('web pages started');
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/sources`)).status).toBe(200);
      expect(await (await fetch(`${base}/admin`)).text()).toContain('name="token"');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      expect(await stopBot(bot.child)).toBe(0);
    }
    expect(bot.output()).not.toContain('web-start-admin-token-0123456789');
  });

  it('and nothing listens on PORT when neither is set', async () => {
    const port = await freePort();
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-web-test', SLACK_APP_TOKEN: 'xapp-1-A1-2-web-test', SLACK_API_URL: fake.apiUrl, PORT: String(port) });
    try {
      await bot.waitFor('slack started');
      // Another test's server may take the freed port meanwhile; what matters is that no page of ours answers there.
      const res = await fetch(`http://127.0.0.1:${port}/sources`).catch(() => undefined);
      expect(res === undefined || !(await res.text()).includes('grok-facts')).toBe(true);
    } finally {
      expect(await stopBot(bot.child)).toBe(0);
    }
  });

  it('beside the console chat: each citation prints its URL, and the questions reach the admin page', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const token = 'console-admin-token-0123456789abcdef';
    const bot = startBot({ PORT: String(port), PUBLIC_URL: base, ADMIN_TOKEN: token, DATA_DIR: mkdtempSync(join(tmpdir(), 'gf-web-console-')) }, 'pipe');
    try {
      await bot.waitFor('Web pages at');
      bot.child.stdin!.write('How many parameters does Grok V9 Medium have?\nWhat is the capital of Australia?\n');
      await bot.waitFor('Questions I can answer');
      const urls = [...bot.output().matchAll(/^\s+(http:\/\/127\.0\.0\.1:\d+\/sources\/\S+)$/gm)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThan(0);
      expect(await (await fetch(urls[0]!)).text()).toContain('<mark id="passage"');
      // Logged in through the form, the admin page shows the refused console question.
      const form = await fetch(`${base}/admin`);
      const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.headers.getSetCookie()[0]!.split(';')[0]! },
        body: new URLSearchParams({ csrf, token }).toString(),
      });
      const session = login.headers.getSetCookie().find((c) => c.startsWith('gf_admin='))!.split(';')[0]!;
      const admin = await (await fetch(`${base}/admin`, { headers: { cookie: session } })).text();
      expect(admin).toMatch(/<td data-label="Question" class="question">What is the capital of Australia\?<\/td>/);
      expect(admin).toContain('1 answered, 1 refused');
      expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    } finally {
      // The console chat ends with its input, as when a person closes the terminal.
      const exited = new Promise<number | null>((r) => (bot.child.exitCode !== null ? r(bot.child.exitCode) : bot.child.once('exit', r)));
      bot.child.stdin!.end();
      expect(await exited).toBe(0);
    }
    expect(bot.output()).not.toContain(token);
  });

  it('beside the console chat, until it ends', async () => {
    const port = await freePort();
    const bot = startBot({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, 'pipe');
    await bot.waitFor('Web pages at');
    expect((await fetch(`http://127.0.0.1:${port}/sources`)).status).toBe(200);
    const exited = new Promise<number | null>((r) => bot.child.once('exit', r));
    bot.child.stdin!.end();
    expect(await exited).toBe(0);
  });
});

describe('npm start with a PUBLIC_URL that has a path', () => {
  it('refuses to start, in one line naming PUBLIC_URL, before serving anything', () => {
    const r = spawnSync(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
      cwd: ROOT,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', ADMIN_TOKEN: '', DATA_DIR, PUBLIC_URL: 'http://127.0.0.1:3200/base/' },
      timeout: 15_000,
    });
    expect(r.status).toBe(1);
    const lines = `${r.stdout}${r.stderr}`.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PUBLIC_URL must be the site address without a path/);
  });
});
