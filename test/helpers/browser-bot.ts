import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { freePort } from './free-port.js';
import { GENEROUS_LIMITS_ENV } from './limits.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BOT_TOKEN = 'xoxb-9999-8888-browser-test-token';
const SECRET = 'browser-test-signing-secret-abcdef0123';
const DISCORD_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.browser-test.token-for-tests-only-xyz';
export const ADMIN_TOKEN = 'browser-admin-token-0123456789abcdef';

/** A Slack answer's citation links: `<url|title>` in its context blocks. */
export const slackLinks = (reply: string) => [...reply.matchAll(/<(http:\/\/127\.0\.0\.1:\d+\/sources\/[^|>]+)\|/g)].map((m) => m[1]!);

export interface BrowserBot {
  base: string;
  corpus: string;
  dataDir: string;
  slack: FakeSlack;
  discord: FakeDiscord;
  stderr(): string;
  /** Asks through a signed slash command, as Slack would; the Block Kit reply as JSON text. */
  askSlack(question: string): Promise<string>;
  /** Clicks a button of a Slack answer (its blocks as JSON text) through a signed request. */
  clickSlack(reply: string, actionId: string): Promise<void>;
  /** Asks /grok-facts through the real discord.js client; the link buttons' URLs of the reply. */
  askDiscord(question: string): Promise<string[]>;
  /** `grok-facts ask` in a terminal, on the same corpus and PUBLIC_URL. */
  askCli(question: string): string;
  close(): Promise<void>;
}

/**
 * `npm start` as a new user runs it, with PUBLIC_URL and ADMIN_TOKEN set: Discord against a
 * fake gateway, Slack over HTTP (so /slack/events and the pages share PORT), the seeds plus
 * two articles of the test's own and a file the corpus must skip.
 */
export async function startBrowserBot(): Promise<BrowserBot> {
  const slack = new FakeSlack();
  const discord = new FakeDiscord();
  await Promise.all([slack.start(), discord.start()]);
  const corpus = mkdtempSync(join(tmpdir(), 'gf-browser-corpus-'));
  cpSync(resolve(ROOT, 'seeds'), corpus, { recursive: true });
  // A second article repeating one seed sentence word for word: that passage is "also in" it.
  writeFileSync(
    join(corpus, 'zz-echo.txt'),
    'Echo Daily: the numbers again\n\nAnalysts went over the figures once more on Tuesday afternoon in a long call. In terms of parameters, the Grok V8 Small is 0.5T and the Grok V9 Medium is 1.5T, which is a threefold increase. Nothing else was announced during the call, the analysts said.\n',
  );
  writeFileSync(
    join(corpus, 'zz-markup.txt'),
    'Launch party notes <script>window.__xss = 2</script> from the night\n\nGuests were served <b>cake</b> and lemonade at the Memphis venue while the band played until midnight.\n',
  );
  writeFileSync(join(corpus, 'zz-broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]));
  const dataDir = mkdtempSync(join(tmpdir(), 'gf-browser-data-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...GENEROUS_LIMITS_ENV, PUBLIC_URL: base, CORPUS_DIR: corpus, DATA_DIR: dataDir, NO_COLOR: '1' };
  const bot: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
    cwd: ROOT,
    env: {
      ...env,
      DISCORD_TOKEN,
      DISCORD_API_BASE: discord.apiBase,
      SLACK_APP_TOKEN: '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      ADMIN_TOKEN,
      DIGEST_TICK_SECONDS: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  bot.stderr!.on('data', (c) => (stderr += String(c)));
  const deadline = Date.now() + 15_000;
  while (!(stderr.includes('slack started') && stderr.includes('discord ready'))) {
    if (Date.now() > deadline || bot.exitCode !== null) throw new Error(`bot did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  const post = async (body: Record<string, string>) => {
    const ack = await signedRequest(`${base}/slack/events`, form(body), 'application/x-www-form-urlencoded', SECRET);
    expect(ack.status).toBe(200);
  };

  return {
    base,
    corpus,
    dataDir,
    slack,
    discord,
    stderr: () => stderr,
    async askSlack(question) {
      const url = slack.responseUrl();
      await post(slack.slashCommand(question, url));
      return JSON.stringify((await slack.waitForResponse(url)).body);
    },
    async clickSlack(reply, actionId) {
      const value = (JSON.parse(reply) as { blocks: { elements?: { action_id?: string; value?: string }[] }[] }).blocks
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === actionId)!.value!;
      const url = slack.responseUrl();
      await post({ payload: JSON.stringify(slack.buttonClick(actionId, value, url)) });
      await slack.waitForResponse(url);
    },
    async askDiscord(question) {
      const { id } = discord.slashCommand('grok-facts', [{ name: 'question', type: 3, value: question }]);
      const callback = await discord.waitForRequest((r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`));
      return (callback.body.data.components as { components: { style: number; url?: string }[] }[]).flatMap((row) => row.components.filter((b) => b.style === 5).map((b) => b.url!));
    },
    askCli(question) {
      const result = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli/main.js'), 'ask', question], { cwd: ROOT, encoding: 'utf8', env });
      expect(result.status).toBe(0);
      return result.stdout;
    },
    async close() {
      if (bot.exitCode === null) {
        const exited = new Promise((r) => bot.once('exit', r));
        bot.kill('SIGTERM');
        await exited;
      }
      await Promise.all([slack.close(), discord.close()]);
    },
  };
}
