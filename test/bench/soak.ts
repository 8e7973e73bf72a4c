/**
 * `npm run soak`: the bot as `npm start` runs it (Slack over HTTP, Discord, the digest
 * scheduler) against the fakes, with mixed traffic for a bounded time (SOAK_SECONDS, default
 * 20), killed with SIGKILL midway and restarted on the same DATA_DIR. Then it checks that every
 * subscription survived, no digest was posted twice, and every request sent outside the kill
 * window got its answer, and prints those counts. 127.0.0.1 only; exits non-zero on any loss.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/store/database.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { freePort } from '../helpers/free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const SECRET = 'soak-signing-secret-0123456789abcdef';
const QUESTIONS = ['How many parameters does Grok V9 Medium have?', 'When is the public launch expected?', 'Where is Colossus?', 'What is the capital of Australia?', 'Who invested in xAI?'];

const slack = new FakeSlack();
const discord = new FakeDiscord();
await slack.start();
await discord.start();
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'grok-facts-soak-'));
const events = `http://127.0.0.1:${port}/slack/events`;

async function startBot(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: {
      ...process.env, DATA_DIR: dataDir, DIGEST_TICK_SECONDS: '1', LOG_LEVEL: 'warn', RATE_USER_MAX: '10000', RATE_CHANNEL_MAX: '100000',
      SLACK_BOT_TOKEN: 'xoxb-soak', SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '', SLACK_API_URL: slack.apiUrl, PORT: String(port),
      DISCORD_TOKEN: 'soak.discord.token', DISCORD_API_BASE: discord.apiBase,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false);
    if (healthy && discord.connected && discord.identify) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bot did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  return child;
}

interface Sent {
  kind: string;
  at: number;
  answered: () => boolean;
}
const sent: Sent[] = [];
const killWindows: [number, number][] = [];
const inKillWindow = (t: number) => killWindows.some(([a, b]) => t >= a - 200 && t <= b);

let bot = await startBot();

// Subscriptions: one Slack channel and one Discord channel, due at once (00:00 UTC has passed today).
const subscribeSlack = slack.responseUrl();
await signedRequest(events, form({ ...slack.slashCommand('digest on 00:00 UTC', subscribeSlack), channel_id: 'CSOAK0001' }), 'application/x-www-form-urlencoded', SECRET);
await slack.waitForResponse(subscribeSlack);
discord.identify = discord.identify; // connected above
const sub = discord.slashCommand('grok-facts-digest', [{ name: 'subscribe', type: 1, options: [{ name: 'time', type: 3, value: '00:00' }, { name: 'timezone', type: 3, value: 'UTC' }] }]);
await discord.waitForRequest((r) => r.path.startsWith(`/interactions/${sub.id}/`), 10_000);
const SUBSCRIPTIONS = 2;

let counter = 0;
async function slackCommand(): Promise<void> {
  const url = slack.responseUrl();
  const at = Date.now();
  const id = url.split('/').pop()!;
  sent.push({ kind: 'slack command', at, answered: () => slack.responses.some((r) => r.id === id) });
  await signedRequest(events, form(slack.slashCommand(QUESTIONS[counter++ % QUESTIONS.length]!, url)), 'application/x-www-form-urlencoded', SECRET).catch(() => undefined);
}
async function slackMention(): Promise<void> {
  const mention = slack.mentionEvent(`<@${slack.botUserId}> ${QUESTIONS[counter++ % QUESTIONS.length]}`);
  sent.push({ kind: 'slack mention', at: Date.now(), answered: () => slack.calls.some((c) => c.method === 'chat.postMessage' && c.params.thread_ts === mention.event.ts) });
  await signedRequest(events, JSON.stringify(mention), 'application/json', SECRET).catch(() => undefined);
}
function discordCommand(): void {
  const at = Date.now();
  const { id } = discord.slashCommand('grok-facts', [{ name: 'question', type: 3, value: QUESTIONS[counter++ % QUESTIONS.length]! }]);
  sent.push({ kind: 'discord command', at, answered: () => discord.requests.some((r) => r.path.startsWith(`/interactions/${id}/`)) });
}
function discordMention(): void {
  const at = Date.now();
  const messageId = discord.message({ content: `<@${discord.bot.id}> ${QUESTIONS[counter++ % QUESTIONS.length]}`, mentionsBot: true });
  sent.push({ kind: 'discord mention', at, answered: () => discord.requests.some((r) => r.body?.message_reference?.message_id === messageId) });
}

const start = Date.now();
let killed = false;
while (Date.now() - start < SECONDS * 1000) {
  await Promise.all([slackCommand(), slackMention()]);
  discordCommand();
  discordMention();
  if (!killed && Date.now() - start > SECONDS * 400) {
    killed = true;
    const from = Date.now();
    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
    bot = await startBot();
    killWindows.push([from, Date.now()]);
  }
  await new Promise((r) => setTimeout(r, 50));
}
await new Promise((r) => setTimeout(r, 3000)); // answers and digests in flight land

const stopped = new Promise((r) => bot.once('exit', r));
bot.kill('SIGTERM');
const exitCode = await stopped;

const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
const survived = (db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
db.close();
const slackDigests = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.params.blocks?.[0]?.type === 'header');
const discordDigests = discord.storedMessagesIn(discord.channelId).filter((m) => m.embeds?.[0]?.title?.startsWith('📰'));
const digestsPerChannel = new Map<string, number>();
for (const c of slackDigests) digestsPerChannel.set(`slack:${c.params.channel}`, (digestsPerChannel.get(`slack:${c.params.channel}`) ?? 0) + 1);
digestsPerChannel.set(`discord:${discord.channelId}`, discordDigests.length);
const duplicated = [...digestsPerChannel.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
const missingDigests = [...digestsPerChannel.values()].filter((n) => n === 0).length;
const counted = sent.filter((s) => !inKillWindow(s.at));
const unanswered = counted.filter((s) => !s.answered());
const lost = SUBSCRIPTIONS - survived;

await slack.close();
await discord.close();
console.log(`\nSoak: ${SECONDS} s of mixed traffic, SIGKILL at ${Math.round((killWindows[0]![0] - start) / 1000)} s, back after ${killWindows[0]![1] - killWindows[0]![0]} ms\n`);
console.log(`requests sent             ${sent.length} (${counted.length} outside the kill window)`);
for (const kind of ['slack command', 'slack mention', 'discord command', 'discord mention']) {
  const ofKind = counted.filter((s) => s.kind === kind);
  console.log(`  ${kind.padEnd(22)}  ${ofKind.length} sent, ${ofKind.filter((s) => s.answered()).length} answered`);
}
console.log(`subscriptions             ${SUBSCRIPTIONS} created, ${survived} survived (lost: ${lost})`);
console.log(`digests                   ${[...digestsPerChannel].map(([k, v]) => `${k}=${v}`).join(', ')} (duplicated: ${duplicated}, missing: ${missingDigests})`);
console.log(`unanswered                ${unanswered.length}`);
console.log(`clean exit on SIGTERM     ${exitCode === 0 ? 'yes' : `no (${exitCode})`}`);
const ok = lost === 0 && duplicated === 0 && missingDigests === 0 && unanswered.length === 0 && exitCode === 0;
console.log(ok ? '\nPASS  0 lost, 0 duplicated, 0 unanswered' : '\nFAIL');
if (!ok) for (const u of unanswered.slice(0, 5)) console.log(`  unanswered: ${u.kind} at +${u.at - start} ms`);
process.exitCode = ok ? 0 : 1;
