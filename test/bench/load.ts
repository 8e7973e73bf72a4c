/**
 * `npm run bench:load`: the bot as `npm start` runs it (a child process, Slack over HTTP and
 * Discord both configured), under bounded bursts on 127.0.0.1 only: signed slash commands at the
 * Slack endpoint with autocannon, and slash-command interactions through the fake Discord
 * gateway. Reports errors, dropped answers, latency and the bot's memory; exits non-zero on
 * any error or drop.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, form, slackSignature } from '../fakes/fake-slack.js';
import { freePort } from '../helpers/free-port.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const SECRET = 'load-test-signing-secret-0123456789';
const QUESTIONS = ['How many parameters does Grok V9 Medium have?', 'When is the public launch expected?', 'Where is Colossus?', 'What is the capital of Australia?', 'How much did the per-token cost fall?'];

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const slack = new FakeSlack();
const discord = new FakeDiscord();
await slack.start();
await discord.start();
const port = await freePort();
let logs = '';
const bot = spawn(process.execPath, [join(ROOT, 'dist/adapters/start.js')], {
  cwd: ROOT,
  env: {
    ...process.env,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'grok-facts-load-')),
    SLACK_BOT_TOKEN: 'xoxb-load-test', SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '', SLACK_API_URL: slack.apiUrl, PORT: String(port),
    DISCORD_TOKEN: 'load.test.token', DISCORD_API_BASE: discord.apiBase, LOG_LEVEL: 'warn',
    // One simulated user sends everything: measure answering, not the rate limiter.
    RATE_USER_MAX: '10000', RATE_CHANNEL_MAX: '100000',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
bot.stderr!.on('data', (c) => (logs += String(c)));
const deadline = Date.now() + 20_000;
while (!discord.connected || !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false))) {
  if (Date.now() > deadline || bot.exitCode !== null) throw new Error(`bot did not start: ${logs}`);
  await new Promise((r) => setTimeout(r, 100));
}
await new Promise((r) => setTimeout(r, 1000)); // the discord client finishes its ready sequence
const rssBefore = rssMB(bot.pid!);

// --- Slack: signed slash commands, each with its own response_url -----------------------------
const timestamp = Math.floor(Date.now() / 1000);
let sent = 0;
const responseIds: string[] = [];
const slackRun = autocannon({
  url: `http://127.0.0.1:${port}/slack/events`,
  connections: 10,
  duration: SECONDS,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const url = slack.responseUrl();
        responseIds.push(url.split('/').pop()!);
        const body = form(slack.slashCommand(QUESTIONS[sent++ % QUESTIONS.length]!, url));
        return {
          ...request,
          body,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': slackSignature(SECRET, timestamp, body),
          },
        };
      },
    },
  ],
});

// --- Discord: interactions through the gateway, at a steady rate ---------------------------------
const dispatched = new Map<string, number>();
const discordLatencies: number[] = [];
const started = Date.now();
const ticker = setInterval(() => {
  for (let i = 0; i < 10; i++) {
    const { id } = discord.slashCommand('grok-facts', [{ name: 'question', type: 3, value: QUESTIONS[dispatched.size % QUESTIONS.length]! }]);
    dispatched.set(id, performance.now());
  }
}, 50);
const seenCallbacks = new Set<string>();
const collector = setInterval(() => {
  for (const r of discord.requests) {
    const match = /^\/interactions\/(\d+)\//.exec(r.path);
    if (match && r.method === 'POST' && !seenCallbacks.has(match[1]!) && dispatched.has(match[1]!)) {
      seenCallbacks.add(match[1]!);
      discordLatencies.push(performance.now() - dispatched.get(match[1]!)!);
    }
  }
  discord.requests.length = 0;
}, 20);

const result = await slackRun;
clearInterval(ticker);
await new Promise((r) => setTimeout(r, 2000)); // answers in flight land
clearInterval(collector);
const rssAfter = rssMB(bot.pid!);
const answered = new Set(slack.responses.map((r) => r.id));
const dropped = responseIds.filter((id) => !answered.has(id)).length;
bot.kill('SIGTERM');
await new Promise((r) => bot.once('exit', r));
await slack.close();
await discord.close();

discordLatencies.sort((a, b) => a - b);
const discordDropped = dispatched.size - seenCallbacks.size;
const slackErrors = result.errors + result.timeouts + result.non2xx;
console.log(`\nLoad for ${SECONDS} s on 127.0.0.1 against npm start (Slack HTTP + Discord):\n`);
console.log(`| path | requests | errors | dropped | p50 ms | p99 ms | throughput |\n| --- | --- | --- | --- | --- | --- | --- |`);
console.log(`| Slack slash command (ack) | ${result.requests.total} | ${slackErrors} | ${dropped} | ${result.latency.p50} | ${result.latency.p99} | ${Math.round(result.requests.average)} req/s |`);
console.log(`| Discord interaction (callback) | ${dispatched.size} | 0 | ${discordDropped} | ${percentile(discordLatencies, 50).toFixed(1)} | ${percentile(discordLatencies, 99).toFixed(1)} | ${Math.round(dispatched.size / ((Date.now() - started) / 1000))} /s |`);
console.log(`\nBot RSS: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after`);
const ok = slackErrors === 0 && dropped === 0 && discordDropped === 0 && rssAfter < rssBefore * 1.5 + 50;
console.log(ok ? 'PASS  zero errors, zero dropped, memory stable' : 'FAIL  see the table above');
process.exitCode = ok ? 0 : 1;
