/**
 * `npm run soak`: the bot as `npm start` runs it (Slack over HTTP, Discord, the digest
 * scheduler) against the fakes, with mixed traffic for a bounded time (SOAK_SECONDS, default
 * 20), through the faults issue #13 found:
 *   - its log pipe is closed mid-run (as `npm start 2>&1 | head -1` does) and it must go on answering;
 *   - it is killed with SIGKILL midway and restarted on the same DATA_DIR;
 *   - some Slack events are delivered again with X-Slack-Retry-Num and must not be answered twice;
 *   - after a clean stop its database file is damaged, and a third run must still answer everything.
 * Then it prints the lost (subscriptions gone across the restart), duplicated (a digest or an
 * answer sent twice) and unanswered (a request outside a kill window with no answer) counts, each
 * of which must be zero. 127.0.0.1 only; exits non-zero on any loss.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/store/database.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { damageDatabaseFile } from '../helpers/damage.js';
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

interface Run {
  child: ChildProcess;
  logs: () => string;
}

async function startBot(): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: {
      ...process.env, DATA_DIR: dataDir, DIGEST_TICK_SECONDS: '1', LOG_LEVEL: 'info', RATE_USER_MAX: '10000', RATE_CHANNEL_MAX: '100000',
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
  return { child, logs: () => stderr };
}

async function stopBot(run: Run): Promise<number | null> {
  if (run.child.exitCode !== null) return run.child.exitCode;
  const stopped = new Promise<number | null>((r) => run.child.once('exit', (code) => r(code)));
  run.child.kill('SIGTERM');
  return stopped;
}

interface Sent {
  kind: string;
  at: number;
  /** How many answers it got: 1 is right, 0 is unanswered, more is duplicated. */
  answers: () => number;
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
const countWhere = <T>(items: readonly T[], test: (item: T) => boolean) => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0);
/** "Something went wrong" is a reply, not an answer: it counts as unanswered. */
const real = (reply: unknown) => !/Something went wrong/.test(JSON.stringify(reply));
async function slackCommand(): Promise<void> {
  const url = slack.responseUrl();
  const at = Date.now();
  const id = url.split('/').pop()!;
  sent.push({ kind: 'slack command', at, answers: () => countWhere(slack.responses, (r) => r.id === id && real(r.body)) });
  await signedRequest(events, form(slack.slashCommand(QUESTIONS[counter++ % QUESTIONS.length]!, url)), 'application/x-www-form-urlencoded', SECRET).catch(() => undefined);
}
let retried = 0;
async function slackMention(): Promise<void> {
  const mention = slack.mentionEvent(`<@${slack.botUserId}> ${QUESTIONS[counter++ % QUESTIONS.length]}`);
  const body = JSON.stringify(mention);
  const answers = () => countWhere(slack.calls, (c) => c.method === 'chat.postMessage' && c.params.thread_ts === mention.event.ts && real(c.params));
  sent.push({ kind: 'slack mention', at: Date.now(), answers });
  await signedRequest(events, body, 'application/json', SECRET).catch(() => undefined);
  // Every third mention is delivered again, as Slack does when it thinks the ack was late.
  if (counter % 3 === 0) {
    retried++;
    const headers = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    setTimeout(() => void signedRequest(events, body, 'application/json', SECRET, { headers }).catch(() => undefined), 300 + (counter % 5) * 200);
  }
}
function discordCommand(): void {
  const at = Date.now();
  const { id } = discord.slashCommand('grok-facts', [{ name: 'question', type: 3, value: QUESTIONS[counter++ % QUESTIONS.length]! }]);
  sent.push({ kind: 'discord command', at, answers: () => countWhere(discord.requests, (r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && real(r.body)) });
}
function discordMention(): void {
  const at = Date.now();
  const messageId = discord.message({ content: `<@${discord.bot.id}> ${QUESTIONS[counter++ % QUESTIONS.length]}`, mentionsBot: true });
  sent.push({ kind: 'discord mention', at, answers: () => countWhere(discord.requests, (r) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId && real(r.body)) });
}

async function traffic(seconds: number, during: (elapsed: number) => Promise<void>): Promise<void> {
  const from = Date.now();
  while (Date.now() - from < seconds * 1000) {
    await Promise.all([slackCommand(), slackMention()]);
    discordCommand();
    discordMention();
    await during(Date.now() - from);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const start = Date.now();
let killed = false;
let pipeClosedAt = 0;
await traffic(SECONDS, async (elapsed) => {
  if (!pipeClosedAt && elapsed > SECONDS * 200) {
    // `npm start 2>&1 | head -1`: the reader goes away; the bot keeps logging every request at info.
    pipeClosedAt = Date.now();
    bot.child.stderr!.destroy();
  }
  if (!killed && elapsed > SECONDS * 400) {
    killed = true;
    const from = Date.now();
    bot.child.kill('SIGKILL');
    await new Promise((r) => bot.child.once('exit', r));
    bot = await startBot();
    killWindows.push([from, Date.now()]);
  }
});
await new Promise((r) => setTimeout(r, 3000)); // answers and digests in flight land
const exitCodes = [await stopBot(bot)];

const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
const survived = (db.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as { n: number }).n;
db.close();

// Between two runs the database file is damaged (valid header, garbage pages): the next run
// must name the file, pause digests with one line, and still answer every question.
damageDatabaseFile(join(dataDir, DATABASE_FILE));
const damagedFrom = Date.now();
bot = await startBot();
await traffic(Math.max(3, SECONDS * 0.25), async () => undefined);
await new Promise((r) => setTimeout(r, 2000));
const damagedLogs = bot.logs();
exitCodes.push(await stopBot(bot));
const namedDamage = damagedLogs.includes(join(dataDir, DATABASE_FILE)) && /move the file aside/.test(damagedLogs);
const pausedLines = damagedLogs.match(/digest posting paused/g)?.length ?? 0;

const slackDigests = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.params.blocks?.[0]?.type === 'header');
const discordDigests = discord.storedMessagesIn(discord.channelId).filter((m) => m.embeds?.[0]?.title?.startsWith('📰'));
const digestsPerChannel = new Map<string, number>();
for (const c of slackDigests) digestsPerChannel.set(`slack:${c.params.channel}`, (digestsPerChannel.get(`slack:${c.params.channel}`) ?? 0) + 1);
digestsPerChannel.set(`discord:${discord.channelId}`, discordDigests.length);
const duplicated = [...digestsPerChannel.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
const missingDigests = [...digestsPerChannel.values()].filter((n) => n === 0).length;
const counted = sent.filter((s) => !inKillWindow(s.at));
const unanswered = counted.filter((s) => s.answers() === 0);
const duplicatedAnswers = counted.reduce((sum, s) => sum + Math.max(0, s.answers() - 1), 0);
const lost = SUBSCRIPTIONS - survived;
const afterPipe = counted.filter((s) => s.at > pipeClosedAt && s.at < killWindows[0]![0]);
const afterDamage = counted.filter((s) => s.at > damagedFrom);

await slack.close();
await discord.close();
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
console.log(`\nSoak: ${SECONDS} s of mixed traffic; log pipe closed at ${Math.round((pipeClosedAt - start) / 1000)} s; SIGKILL at ${Math.round((killWindows[0]![0] - start) / 1000)} s, back after ${killWindows[0]![1] - killWindows[0]![0]} ms; then a run on a damaged database\n`);
console.log(`requests sent             ${sent.length} (${counted.length} outside the kill window), ${retried} Slack events delivered twice (X-Slack-Retry-Num)`);
for (const kind of ['slack command', 'slack mention', 'discord command', 'discord mention']) {
  const ofKind = counted.filter((s) => s.kind === kind);
  console.log(`  ${kind.padEnd(22)}  ${ofKind.length} sent, ${countWhere(ofKind, (s) => s.answers() === 1)} answered once`);
}
console.log(`log pipe closed           ${afterPipe.length} requests after it, ${countWhere(afterPipe, (s) => s.answers() > 0)} answered`);
console.log(`damaged database          ${afterDamage.length} requests, ${countWhere(afterDamage, (s) => s.answers() > 0)} answered; file named with what to do: ${yes(namedDamage)}; "digest posting paused" logged ${pausedLines}×`);
console.log(`subscriptions             ${SUBSCRIPTIONS} created, ${survived} survived the SIGKILL`);
console.log(`digests                   ${[...digestsPerChannel].map(([k, v]) => `${k}=${v}`).join(', ')} (missing: ${missingDigests})`);
console.log(`clean exit on SIGTERM     ${exitCodes.every((c) => c === 0) ? 'yes' : `no (${exitCodes.join(', ')})`}`);
const duplicatedTotal = duplicated + duplicatedAnswers;
console.log(`\nlost ${lost}   duplicated ${duplicatedTotal} (${duplicated} digests, ${duplicatedAnswers} answers)   unanswered ${unanswered.length}`);
const ok = lost === 0 && duplicatedTotal === 0 && unanswered.length === 0 && missingDigests === 0 && namedDamage && pausedLines === 1 && exitCodes.every((c) => c === 0);
console.log(ok ? 'PASS' : 'FAIL');
if (!ok) for (const u of unanswered.slice(0, 5)) console.log(`  unanswered: ${u.kind} at +${u.at - start} ms`);
process.exitCode = ok ? 0 : 1;
