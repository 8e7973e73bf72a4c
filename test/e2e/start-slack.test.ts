import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { GENEROUS_LIMITS_ENV } from '../helpers/limits.js';
import { ROOT, startBot, startBotExpectingExit, stopBot } from '../helpers/start-bot.js';
import { freePort } from '../helpers/free-port.js';

const BOT_TOKEN = 'xoxb-9999-8888-start-test-token';
const APP_TOKEN = 'xapp-1-A0000001-7777-start-test-token';
const SECRET = 'start-test-signing-secret-abcdef012345';
const fake = new FakeSlack();

beforeAll(() => fake.start());
afterAll(() => fake.close());

describe('npm start with Slack configured', () => {
  let http: { child: ChildProcess; logs: () => string };
  let port: number;

  afterAll(async () => {
    if (http) await stopBot(http.child);
  });

  it('serves signed slash commands and mentions over HTTP', async () => {
    port = await freePort();
    http = await startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });
    const events = `http://127.0.0.1:${port}/slack/events`;
    const url = fake.responseUrl();
    const ack = await signedRequest(events, form(fake.slashCommand('How many parameters does Grok V9 Medium have?', url)), 'application/x-www-form-urlencoded', SECRET);
    expect(ack.status).toBe(200);
    expect(JSON.stringify((await fake.waitForResponse(url)).body)).toMatch(/1\.5 ?(trillion|T)/);

    const mention = fake.mentionEvent(`<@${fake.botUserId}> Where is the Colossus supercomputer?`);
    await signedRequest(events, JSON.stringify(mention), 'application/json', SECRET);
    const reply = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.event.ts);
    expect(JSON.stringify(reply.params.blocks)).toContain('Memphis');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('never logs its secrets, and stops cleanly on SIGTERM', async () => {
    expect(http.logs()).not.toContain(BOT_TOKEN);
    expect(http.logs()).not.toContain(SECRET);
    expect(await stopBot(http.child)).toBe(0);
  });

  it('does the same over Socket Mode when SLACK_APP_TOKEN is set', async () => {
    const socket = await startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    try {
      await fake.waitFor(() => fake.socketConnected);
      const url = fake.responseUrl();
      await fake.sendEnvelope('slash_commands', fake.slashCommand('Where is the Colossus supercomputer?', url));
      expect(JSON.stringify((await fake.waitForResponse(url)).body)).toContain('Memphis');
    } finally {
      expect(await stopBot(socket.child)).toBe(0);
    }
  });

  it('refuses to start over HTTP without a signing secret, naming the variable', async () => {
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
      cwd: ROOT,
      env: { ...process.env, ...GENEROUS_LIMITS_ENV, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', SLACK_API_URL: fake.apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += String(c)));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).not.toContain(BOT_TOKEN);
  });
});

describe('npm start with a token Slack turns down', () => {
  // A stack trace is Node's "    at file:line" frames; a person needs the variable to fix instead.
  const STACK = /^\s+at /m;

  it('over HTTP: exits 1 at once with one line naming SLACK_BOT_TOKEN, never serving as if healthy', async () => {
    fake.failNext.set('auth.test', 'invalid_auth');
    const { code, stderr } = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(stderr).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
    expect(stderr).not.toContain('slack started');
    expect(stderr).not.toMatch(STACK);
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SECRET);
  });

  it('over Socket Mode: names SLACK_BOT_TOKEN for a bad bot token and SLACK_APP_TOKEN for a bad app token', async () => {
    fake.failNext.set('auth.test', 'invalid_auth');
    const bot = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    expect(bot.code).toBe(1);
    expect(bot.stderr).toContain('Slack rejected SLACK_BOT_TOKEN');
    expect(bot.stderr).not.toMatch(STACK);

    fake.failNext.set('apps.connections.open', 'invalid_auth');
    const app = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    expect(app.code).toBe(1);
    expect(app.stderr).toContain('Slack rejected SLACK_APP_TOKEN (invalid_auth)');
    expect(app.stderr).not.toMatch(STACK);
    expect(app.stderr).not.toContain(APP_TOKEN);

    // Socket Mode itself retries a revoked app token for ever; the check before it does not.
    fake.failNext.set('apps.connections.open', 'token_revoked');
    const revoked = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toContain('Slack rejected SLACK_APP_TOKEN (token_revoked)');
  });

  it('when Slack answers the check with an HTTP error or a rate limit: exits 1 naming it, without waiting it out', async () => {
    try {
      fake.httpStatus.set('auth.test', 500);
      const outage = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) });
      expect(outage.code).toBe(1);
      expect(outage.stderr).toMatch(/could not check SLACK_BOT_TOKEN with Slack: SLACK_API_URL \S+ answered HTTP 500/);
      fake.httpStatus.set('auth.test', 429);
      const started = Date.now();
      const limited = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) });
      expect(limited.code).toBe(1);
      expect(limited.stderr).toContain('could not check SLACK_BOT_TOKEN with Slack: Slack is limiting requests (retry after 120 s)');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      fake.httpStatus.delete('auth.test');
    }
  });

  it('with only part of Slack configured: npm start names the missing bot token; a CLI command does not care', async () => {
    const half = await startBotExpectingExit({ SLACK_SIGNING_SECRET: SECRET });
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('SLACK_BOT_TOKEN is missing: SLACK_SIGNING_SECRET is set');
    expect(half.stderr).not.toContain(SECRET);
    const ask = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli/main.js'), 'ask', 'Where is the Colossus supercomputer?'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: '' } });
    expect(ask.status).toBe(0);
    expect(ask.stdout).toContain('Memphis');
  });

  it('when Slack cannot be reached: exits 1 within seconds, saying so, instead of hanging on retries', async () => {
    const started = Date.now();
    const { code, stderr } = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(stderr).toContain('could not reach Slack to check SLACK_BOT_TOKEN');
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(stderr).not.toMatch(STACK);
  });
});

describe('npm start when Slack Socket Mode connects but never says hello', () => {
  beforeAll(() => {
    fake.silentSockets = true;
  });
  afterAll(() => {
    fake.silentSockets = false;
  });

  it('fails its start after SLACK_CONNECT_TIMEOUT_SECONDS, saying so, instead of waiting for ever', async () => {
    const started = Date.now();
    const { code, stderr } = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, SLACK_CONNECT_TIMEOUT_SECONDS: '2' });
    expect(code).toBe(1);
    expect(stderr).toContain('Slack Socket Mode did not connect within 2 s');
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('stops on SIGTERM while still starting, within seconds, rather than holding the signal for a start that never ends', async () => {
    const started = Date.now();
    const { code, stderr } = await startBotExpectingExit({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl }, 2_000);
    expect(code).toBe(1);
    expect(stderr).toContain('stopped on SIGTERM while still starting');
    // The signal at 2 s, then 5 s of grace: well before the 15 s kill and the 30 s connect deadline.
    expect(Date.now() - started).toBeLessThan(12_000);
  });
});

describe('the Slack app manifest', () => {
  it('asks for the command, the scopes, the app_mention event, interactivity and Socket Mode', () => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'adapters/slack/manifest.json'), 'utf8'));
    expect(manifest.features.slash_commands[0].command).toBe('/grok-facts');
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
