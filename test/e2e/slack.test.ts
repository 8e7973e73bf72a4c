import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../adapters/slack/blocks/render-answer.js';
import { createSlackApp, type SlackApp } from '../../adapters/slack/app.js';
import { createBotCore, type BotCore } from '../../src/bot/bot-core.js';
import type { Engine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { seedEngine } from '../helpers/engine.js';
import { GENEROUS_LIMITS } from '../helpers/limits.js';

const BOT_TOKEN = 'xoxb-1111-2222-fake-slack-bot-token';
const APP_TOKEN = 'xapp-1-A0000001-3333-fake-app-token';
const SECRET = 'fake-signing-secret-0123456789abcdef';
const fake = new FakeSlack();
const db = openDatabase(':memory:');
let core: BotCore;
const feedback = { entries: () => core.feedback.entries() };
const logLines: string[] = [];
let healthy = true;

async function engineThatCanFail(): Promise<Engine> {
  const real = await seedEngine();
  // "explode" makes the core throw, to prove one bad event is survived.
  return { ...real, index: real.index, answer: (q, c) => (q.includes('explode') ? (() => { throw new Error('boom'); })() : real.answer(q, c)) };
}

function textOf(blocks: any[]): string {
  return blocks.map((b) => b.text?.text ?? b.elements?.map((e: any) => e.text?.text ?? e.text).join(' ') ?? '').join('\n');
}

beforeAll(async () => {
  await fake.start();
});

afterAll(async () => {
  await fake.close();
});

describe('Slack adapter over HTTP against a fake Slack', () => {
  let slack: SlackApp;
  let events: string;

  beforeAll(async () => {
    core = createBotCore({ engine: await engineThatCanFail(), db, limits: GENEROUS_LIMITS });
    slack = createSlackApp({
      core,
      logger: createLogger({ secrets: [BOT_TOKEN, SECRET], write: (l) => logLines.push(l) }),
      botToken: BOT_TOKEN,
      signingSecret: SECRET,
      port: 0,
      host: '127.0.0.1',
      apiUrl: fake.apiUrl,
      health: () => (healthy ? { ok: true, failing: {} as Record<string, string> } : { ok: false, failing: { answer: 'answering fails: boom' } }),
    });
    const server = await slack.start();
    events = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await slack.stop();
  });

  const command = (text: string, responseUrl = fake.responseUrl()) =>
    signedRequest(events, form(fake.slashCommand(text, responseUrl)), 'application/x-www-form-urlencoded', SECRET);

  it('acks a signed slash command and answers through response_url with cited blocks', async () => {
    const url = fake.responseUrl();
    const ack = await command('How many parameters does Grok V9 Medium have?', url);
    expect(ack.status).toBe(200);
    const { body } = await fake.waitForResponse(url);
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0].text.text).toBe('*Q:* How many parameters does Grok V9 Medium have?');
    expect(textOf(body.blocks)).toMatch(/1\.5 ?(trillion|T)/);
    expect(textOf(body.blocks)).toMatch(/reported by \d of 5 sources/);
    expect(body.text.length).toBeGreaterThan(0);
    const buttons = body.blocks.at(-1).elements.map((e: any) => e.action_id);
    expect(buttons).toEqual([ACTION_IDS.helpful, ACTION_IDS.notHelpful, ACTION_IDS.share]);
  });

  it('shows "sources disagree" for the per-token cost', async () => {
    const url = fake.responseUrl();
    await command('How much did the per-token cost fall?', url);
    const text = textOf((await fake.waitForResponse(url)).body.blocks);
    expect(text).toMatch(/Sources disagree/);
    expect(text).toContain('90%');
    expect(text).toContain('40%');
  });

  it('shows usage for no text or help, and lists the sources', async () => {
    for (const text of ['', 'help']) {
      const url = fake.responseUrl();
      await command(text, url);
      expect(textOf((await fake.waitForResponse(url)).body.blocks)).toMatch(/\/grok-facts <question>/);
    }
    const url = fake.responseUrl();
    await command('sources', url);
    expect(textOf((await fake.waitForResponse(url)).body.blocks)).toMatch(/My sources \(5 articles\)/);
  });

  it('says "not in my sources" and offers three questions', async () => {
    const url = fake.responseUrl();
    await command('What is the capital of Australia?', url);
    const text = textOf((await fake.waitForResponse(url)).body.blocks);
    expect(text).toMatch(/isn't in my sources/);
    expect(text.match(/^• /gm)).toHaveLength(3);
  });

  it('escapes <!everyone> and <@U123> so they never become pings', async () => {
    const url = fake.responseUrl();
    await command('<!everyone> <@U123> how many parameters?', url);
    const { body } = await fake.waitForResponse(url);
    const all = JSON.stringify(body);
    expect(body.blocks[0].text.text).toContain('&lt;!everyone&gt; &lt;@U123&gt;');
    expect(all).not.toMatch(/<!everyone>|<@U123>/);
  });

  it('answers an app_mention in the thread, and a follow-up mention in that thread uses the previous question', async () => {
    const first = fake.mentionEvent(`<@${fake.botUserId}> How much did xAI raise in its Series E?`);
    expect((await signedRequest(events, JSON.stringify(first), 'application/json', SECRET)).status).toBe(200);
    const reply = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === first.event.ts);
    expect(reply.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(reply.params.channel).toBe(fake.channel);
    expect(textOf(reply.params.blocks)).toContain('$20 billion');

    const followUp = fake.mentionEvent(`<@${fake.botUserId}> and who else invested?`, { threadTs: first.event.ts });
    await signedRequest(events, JSON.stringify(followUp), 'application/json', SECRET);
    const second = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === first.event.ts && c !== reply);
    expect(textOf(second.params.blocks)).toMatch(/Valor|Fidelity|Nvidia and Cisco/);
  });

  it('ignores mentions from bots and edited messages', async () => {
    const fromBot = fake.mentionEvent(`<@${fake.botUserId}> how big is it?`, { botId: 'BOTHER01' });
    await signedRequest(events, JSON.stringify(fromBot), 'application/json', SECRET);
    const edited = fake.mentionEvent(`<@${fake.botUserId}> how big is it?`, { edited: true });
    await signedRequest(events, JSON.stringify(edited), 'application/json', SECRET);
    const control = fake.mentionEvent(`<@${fake.botUserId}> Where is Colossus?`);
    await signedRequest(events, JSON.stringify(control), 'application/json', SECRET);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === control.event.ts);
    expect(fake.calls.some((c) => c.method === 'chat.postMessage' && c.params.thread_ts === fromBot.event.ts)).toBe(false);
    expect(fake.calls.some((c) => c.method === 'chat.postMessage' && c.params.thread_ts === edited.event.ts)).toBe(false);
  });

  it('rejects missing, wrong and five-minute-old signatures with 401', async () => {
    const body = form(fake.slashCommand('how big is it'));
    const type = 'application/x-www-form-urlencoded';
    expect((await signedRequest(events, body, type, SECRET, { signature: null })).status).toBe(401);
    expect((await signedRequest(events, body, type, 'not-the-secret')).status).toBe(401);
    expect((await signedRequest(events, body, type, SECRET, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
  });

  it('answers url_verification with the challenge and GET /healthz with 200', async () => {
    const challenge = await signedRequest(events, JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' }), 'application/json', SECRET);
    expect(challenge.status).toBe(200);
    expect(challenge.text).toContain('abc123');
    const health = await fetch(events.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    // Served by Bolt's receiver, with the same nosniff header as every page.
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    healthy = false;
    const sick = await fetch(events.replace('/slack/events', '/healthz'));
    healthy = true;
    expect(sick.status).toBe(503);
    expect(sick.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await sick.json()).toMatchObject({ ok: false, failing: { answer: expect.stringContaining('boom') } });
  });

  it('records a feedback click and acknowledges it', async () => {
    const url = fake.responseUrl();
    await command('Who announced Grok V9 Medium?', url);
    const answer = (await fake.waitForResponse(url)).body;
    const upValue = answer.blocks.at(-1).elements[0].value;
    const before = feedback.entries().length;
    const clickUrl = fake.responseUrl();
    const ack = await signedRequest(events, form({ payload: JSON.stringify(fake.buttonClick(ACTION_IDS.helpful, upValue, clickUrl)) }), 'application/x-www-form-urlencoded', SECRET);
    expect(ack.status).toBe(200);
    expect((await fake.waitForResponse(clickUrl)).body).toMatchObject({ text: 'Thanks — noted', response_type: 'ephemeral' });
    expect(feedback.entries()).toHaveLength(before + 1);
    expect(feedback.entries().at(-1)).toMatchObject({ helpful: true, question: 'Who announced Grok V9 Medium?', platform: 'slack' });
  });

  it('"Share in channel" posts the same answer visibly', async () => {
    const url = fake.responseUrl();
    await command('Where is the Colossus supercomputer?', url);
    const privateAnswer = (await fake.waitForResponse(url)).body;
    const shareValue = privateAnswer.blocks.at(-1).elements[2].value;
    const shareUrl = fake.responseUrl();
    await signedRequest(events, form({ payload: JSON.stringify(fake.buttonClick(ACTION_IDS.share, shareValue, shareUrl)) }), 'application/x-www-form-urlencoded', SECRET);
    const shared = (await fake.waitForResponse(shareUrl)).body;
    expect(shared.response_type).toBe('in_channel');
    expect(textOf(shared.blocks)).toContain('Memphis');
    expect(textOf(shared.blocks)).toContain('Where is the Colossus supercomputer?');
  });

  it('answers "something went wrong" when a handler throws, and keeps serving', async () => {
    const url = fake.responseUrl();
    expect((await command('please explode', url)).status).toBe(200);
    expect((await fake.waitForResponse(url)).body.text).toBe('Something went wrong — please try again');
    const next = fake.responseUrl();
    await command('Where is Colossus?', next);
    expect(textOf((await fake.waitForResponse(next)).body.blocks)).toContain('Memphis');

    fake.failNext.set('chat.postMessage', 'internal_error');
    const failing = fake.mentionEvent(`<@${fake.botUserId}> Where is Colossus?`);
    await signedRequest(events, JSON.stringify(failing), 'application/json', SECRET);
    await fake.waitFor(() => logLines.some((l) => l.includes('slack mention failed')));
    const after = fake.mentionEvent(`<@${fake.botUserId}> Who announced Grok V9 Medium?`);
    await signedRequest(events, JSON.stringify(after), 'application/json', SECRET);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === after.event.ts);
  });

  it('answers an event re-delivered with X-Slack-Retry-Num once, and acks the retry', async () => {
    const mention = fake.mentionEvent(`<@${fake.botUserId}> Where is the Colossus supercomputer?`);
    const body = JSON.stringify(mention);
    expect((await signedRequest(events, body, 'application/json', SECRET)).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.event.ts);
    const retry = await signedRequest(events, body, 'application/json', SECRET, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // A later event in the same thread is answered: by then a wrongly answered retry would have posted too.
    const later = fake.mentionEvent(`<@${fake.botUserId}> How many parameters does Grok V9 Medium have?`);
    await signedRequest(events, JSON.stringify(later), 'application/json', SECRET);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === later.event.ts);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts === mention.event.ts)).toHaveLength(1);
  });

  it('never logs the bot token or signing secret', () => {
    const all = logLines.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});

describe('Slack adapter over Socket Mode against a fake Slack', () => {
  let slack: SlackApp;

  beforeAll(async () => {
    slack = createSlackApp({
      core,
      logger: createLogger({ secrets: [BOT_TOKEN, APP_TOKEN], write: (l) => logLines.push(l) }),
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      apiUrl: fake.apiUrl,
    });
    await slack.start();
  });

  afterAll(async () => {
    await slack.stop();
    await fake.waitFor(() => !fake.socketConnected, 5000).catch(() => undefined);
  });

  it('opens the connection with the app-level token', async () => {
    const open = await fake.waitForCall('apps.connections.open');
    expect(open.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.socketConnected).toBe(true);
  });

  it('acks and answers a slash command', async () => {
    const url = fake.responseUrl();
    const ack = await fake.sendEnvelope('slash_commands', fake.slashCommand('How many parameters does Grok V9 Medium have?', url));
    expect(ack.envelope_id).toBeTruthy();
    expect(textOf((await fake.waitForResponse(url)).body.blocks)).toMatch(/1\.5 ?(trillion|T)/);
  });

  it('acks and answers an app_mention in the thread', async () => {
    const mention = fake.mentionEvent(`<@${fake.botUserId}> Where is the Colossus supercomputer?`);
    await fake.sendEnvelope('events_api', mention);
    const reply = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.event.ts);
    expect(textOf(reply.params.blocks)).toContain('Memphis');
  });

  it('answers an event re-delivered with retry_attempt once, and acks the retry', async () => {
    const mention = fake.mentionEvent(`<@${fake.botUserId}> Where is the Colossus supercomputer?`);
    await fake.sendEnvelope('events_api', mention);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === mention.event.ts);
    const ack = await fake.sendEnvelope('events_api', mention, 1);
    expect(ack.envelope_id).toBeTruthy();
    const later = fake.mentionEvent(`<@${fake.botUserId}> How many parameters does Grok V9 Medium have?`);
    await fake.sendEnvelope('events_api', later);
    await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === later.event.ts);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts === mention.event.ts)).toHaveLength(1);
  });

  it('acks a feedback click', async () => {
    const before = feedback.entries().length;
    const url = fake.responseUrl();
    await fake.sendEnvelope('interactive', fake.buttonClick(ACTION_IDS.notHelpful, 'abc', url));
    expect((await fake.waitForResponse(url)).body.text).toBe('Thanks — noted');
    expect(feedback.entries()).toHaveLength(before + 1);
  });
});
