import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { freePort } from '../helpers/free-port.js';
import { GENEROUS_LIMITS_ENV } from '../helpers/limits.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BOT_TOKEN = 'xoxb-9999-8888-log-pipe-token';
const SECRET = 'log-pipe-signing-secret-abcdef012345';
const fake = new FakeSlack();

beforeAll(() => fake.start());
afterAll(() => fake.close());

describe('npm start whose log pipe closes (npm start 2>&1 | head -1)', () => {
  it('keeps answering every command, stays healthy, and stops at once on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...GENEROUS_LIMITS_ENV,
        DISCORD_TOKEN: '',
        SLACK_APP_TOKEN: '',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'grok-logpipe-')),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    // Read the first log line, then close the pipe, as `head -1` does.
    await new Promise<void>((r) => child.stderr!.once('data', () => r()));
    child.stderr!.destroy();
    const events = `http://127.0.0.1:${port}/slack/events`;
    const deadline = Date.now() + 15_000;
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('the bot never became healthy');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (let i = 0; i < 5; i++) {
      const url = fake.responseUrl();
      const ack = await signedRequest(events, form(fake.slashCommand('How many parameters does Grok V9 Medium have?', url)), 'application/x-www-form-urlencoded', SECRET);
      expect(ack.status).toBe(200);
      expect(JSON.stringify((await fake.waitForResponse(url)).body)).toMatch(/1\.5 ?(trillion|T)/);
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 40_000);
});
