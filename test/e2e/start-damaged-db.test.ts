import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../src/store/database.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { damageDatabaseFile } from '../helpers/damage.js';
import { freePort } from '../helpers/free-port.js';
import { startBot } from '../helpers/start-bot.js';

const BOT_TOKEN = 'xoxb-9999-8888-damaged-db-token';
const SECRET = 'damaged-db-signing-secret-abcdef012345';
const ADMIN_TOKEN = 'damaged-db-admin-token-0123456789';
const fake = new FakeSlack();

/** Logs in to /admin as a browser would and returns the page. */
async function adminPage(base: string): Promise<string> {
  const form = await fetch(`${base}/admin`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const loginCookie = form.headers.getSetCookie().find((c) => c.startsWith('gf_login='))!.split(';')[0]!;
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
    body: new URLSearchParams({ csrf, token: ADMIN_TOKEN }).toString(),
  });
  const session = login.headers.getSetCookie().find((c) => c.startsWith('gf_admin='))!.split(';')[0]!;
  return (await fetch(`${base}/admin`, { headers: { cookie: session } })).text();
}

beforeAll(() => fake.start());
afterAll(() => fake.close());

describe('npm start on a damaged database', () => {
  it('names the file and what to do, pauses digests with one line, and answers every question', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'grok-start-damaged-'));
    openDatabase(dataDir).close();
    damageDatabaseFile(join(dataDir, DATABASE_FILE));
    const port = await freePort();
    const bot = await startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), DATA_DIR: dataDir, DIGEST_TICK_SECONDS: '1', ADMIN_TOKEN });
    try {
      const events = `http://127.0.0.1:${port}/slack/events`;
      for (const question of ['How many parameters does Grok V9 Medium have?', 'Where is the Colossus supercomputer?']) {
        const url = fake.responseUrl();
        await signedRequest(events, form(fake.slashCommand(question, url)), 'application/x-www-form-urlencoded', SECRET);
        const body = JSON.stringify((await fake.waitForResponse(url)).body);
        expect(body).not.toMatch(/Something went wrong/);
        expect(body).toMatch(/1\.5 ?(trillion|T)|Memphis/);
      }
      await new Promise((r) => setTimeout(r, 2500)); // a few digest ticks
      const logs = bot.logs();
      expect(logs).toContain(join(dataDir, DATABASE_FILE));
      expect(logs).toMatch(/move the file aside/);
      expect(logs.match(/digest posting paused/g)).toHaveLength(1);
      expect(logs).not.toMatch(/unhandled rejection/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // The admin page says so too: its figures are this run's only, and nothing is kept.
      const admin = await adminPage(`http://127.0.0.1:${port}`);
      expect(admin).toMatch(/role="alert">Nothing is being kept: the database \S+grok-facts\.sqlite is damaged/);
      expect(admin).toMatch(/digests are paused/);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  }, 30_000);
});
