#!/usr/bin/env node
import { createBotCore, type BotCore } from '../src/bot/bot-core.js';
import { ConfigError, loadConfig, missingSlackBotToken, rateLimitsOf, resolveDir, type Config } from '../src/config/config.js';
import { CorpusError } from '../src/corpus/errors.js';
import { createDigestScheduler, type DigestSender } from '../src/digest/scheduler.js';
import type { Platform } from '../src/digest/schema.js';
import { createEngine } from '../src/engine/engine.js';
import { keepCorpusLive } from '../src/engine/live-corpus.js';
import { createHealthCheck } from '../src/health/health.js';
import { createLogger, type Logger } from '../src/log/logger.js';
import { openStore, StoreError, type Store } from '../src/store/open-store.js';
import { InFlight } from '../src/lifecycle/in-flight.js';
import { createShutdown } from '../src/lifecycle/shutdown.js';
import { chat } from './cli/commands/chat.js';
import { styleFor } from './cli/style.js';
import { createDiscordBot, DiscordConfigError } from './discord/bot.js';
import { createSlackApp, SlackConfigError } from './slack/app.js';
import type { Server } from 'node:http';
import { corpusStatusOf, type CorpusStatus } from '../src/insights/corpus-status.js';
import { collectInsights } from '../src/insights/collect-insights.js';
import { citationLinker } from './shared/citation-link.js';
import { createWebApp, type WebApp } from './web/web-app.js';
import { boltCustomRoutes, startWebServer, stopWebServer } from './web/web-server.js';

/** Something started that must be stopped cleanly on shutdown. */
interface Running {
  platform: Platform;
  digestSender: DigestSender;
  stop(): Promise<void>;
}

interface Started {
  config: Config;
  core: BotCore;
  logger: Logger;
  inFlight: InFlight;
  /** The web pages, when PUBLIC_URL or ADMIN_TOKEN is set. */
  web?: WebApp;
}

async function startDiscord({ config, core, logger, inFlight }: Started): Promise<Running | undefined> {
  if (!config.DISCORD_TOKEN) return undefined;
  const bot = createDiscordBot({ core, logger, inFlight, token: config.DISCORD_TOKEN, apiBase: config.DISCORD_API_BASE, citationLink: citationLinker(config.PUBLIC_URL) });
  await bot.start();
  logger.info('discord started');
  return { platform: 'discord', digestSender: bot.digestSender, stop: () => bot.stop() };
}

async function startSlack({ config, core, logger, inFlight, web }: Started): Promise<Running | undefined> {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  const slack = createSlackApp({
    core,
    logger,
    inFlight,
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    connectTimeoutMs: config.SLACK_CONNECT_TIMEOUT_SECONDS * 1000,
    port: config.PORT,
    apiUrl: config.SLACK_API_URL,
    health: createHealthCheck({ engine: core.engine, inFlight }),
    citationLink: citationLinker(config.PUBLIC_URL),
    customRoutes: web ? boltCustomRoutes(web) : undefined,
  });
  await slack.start();
  return { platform: 'slack', digestSender: slack.digestSender, stop: () => slack.stop() };
}

/**
 * A signal that comes while the bot is still starting (the corpus loading, Discord and Slack
 * connecting) is held and acted on once shutdown can run: the default would kill the process
 * mid-start, with no exit status and its pid file left behind. But a start that never finishes
 * must not make the bot unstoppable, so a held signal ends the process STOP_WHILE_STARTING_MS
 * later all the same, saying so.
 */
const STOP_WHILE_STARTING_MS = 5_000;

function holdSignalsUntilReady(): (stop: (signal: string) => void) => void {
  let held: string | undefined;
  let giveUp: NodeJS.Timeout | undefined;
  const hold = (signal: NodeJS.Signals) => {
    if (held) return;
    held = signal;
    giveUp = setTimeout(() => {
      process.stderr.write(`grok-facts: stopped on ${signal} while still starting (${STOP_WHILE_STARTING_MS / 1000} s after it came)\n`);
      process.exit(1);
    }, STOP_WHILE_STARTING_MS);
    giveUp.unref();
  };
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  return (stop) => {
    clearTimeout(giveUp);
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    if (held) stop(held);
  };
}

/**
 * The composition root: reads the configuration once and starts what it names — Discord
 * and/or Slack when their credentials are set, with the daily-digest scheduler beside them;
 * otherwise the console chat, after saying how to connect a platform.
 */
async function main(): Promise<void> {
  const ready = holdSignalsUntilReady();
  const config = loadConfig();
  const consoleChat = !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN;
  // Half of Slack's credentials would start the console chat without a word: say what is missing.
  const halfSlack = missingSlackBotToken(config);
  if (halfSlack && consoleChat) throw new ConfigError(`Configuration error — ${halfSlack}`);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    // A person chatting in the terminal reads the log lines between answers; a file or pipe gets JSON.
    readable: consoleChat && Boolean(process.stderr.isTTY),
    secrets: [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.ADMIN_TOKEN].filter((s): s is string => !!s),
  });
  const corpusDir = resolveDir(config.CORPUS_DIR);
  const dataDir = resolveDir(config.DATA_DIR);
  const engine = await createEngine({ corpusDir, dataDir, logger });

  if (consoleChat) {
    const style = styleFor(process.stdout);
    process.stdout.write(
      style.dim(
        'No Discord or Slack credentials configured — starting the console chat.\n' +
          'To connect a platform, copy .env.example to .env and set DISCORD_TOKEN (Discord) or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (Slack); see README.\n\n',
      ),
    );
    // PUBLIC_URL or ADMIN_TOKEN asks for the pages: they serve beside the console chat, while it runs.
    const pagesStore = config.PUBLIC_URL || config.ADMIN_TOKEN ? openStore(dataDir, logger) : undefined;
    const pages = pagesStore?.db;
    const corpusStatus = corpusStatusOf(engine);
    const pagesCore = pages && createBotCore({ engine, db: pages, logger });
    const web = pagesCore && webAppFor(config, pagesCore, pages, corpusStatus, logger, pagesStore?.damaged);
    const server = web && (await startWebServer(web, { port: config.PORT, health: createHealthCheck({ engine, inFlight: new InFlight() }) }));
    if (server) process.stdout.write(style.dim(`Web pages at ${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}/sources\n\n`));
    const live = keepCorpusLive(engine, corpusDir, dataDir, logger, (result) => corpusStatus.recordReload(result));
    // The same shutdown as the platforms': SIGINT/SIGTERM, or the reader of stdout going away
    // (`| head -1`), close the pages, the watcher and the pid file and exit 0 within 10 s.
    const steps = [
      { name: 'corpus watcher and pid file', run: () => live.close() },
      ...(server ? [{ name: 'web pages', run: () => stopWebServer(server) }] : []),
      ...(pages ? [{ name: 'database', run: () => pages.close() }] : []),
    ];
    const shutdown = createShutdown({ inFlight: new InFlight(), logger, exit: (code) => process.exit(code), steps });
    let stopping = false;
    const stop = (reason: string) => {
      // A closed stdout errors on every later write; only a second *signal* means "exit now".
      if (stopping && reason === 'stdout closed') return;
      stopping = true;
      shutdown(reason);
    };
    process.stdout.on('error', () => stop('stdout closed'));
    ready(stop);
    // With the pages on, the chat's questions go to the question log (text only) like the
    // platforms', so the admin page shows them, and each citation prints its page's URL.
    const code = await chat(engine, process.stdin, process.stdout, style, {
      link: citationLinker(config.PUBLIC_URL),
      ask: pagesCore && ((question, previous) => pagesCore.ask(question, { previous, platform: 'console', workspace: 'console' })),
    });
    if (!stopping) {
      stopping = true;
      for (const step of steps) await step.run();
    }
    process.exitCode = code;
    return;
  }

  if (halfSlack) logger.warn(`${halfSlack} — Slack is not started`);
  // A damaged database is named with what to do, and answering goes on without it.
  const store = openStore(dataDir, logger);
  const { db } = store;
  engine.warmUp();
  const core = createBotCore({ engine, db, defaultTz: config.DIGEST_DEFAULT_TZ, limits: rateLimitsOf(config), logger });
  const inFlight = new InFlight();
  const corpusStatus = corpusStatusOf(engine);
  const web = webAppFor(config, core, db, corpusStatus, logger, store.damaged);
  const started: Started = { config, core, logger, inFlight, web };
  const running = (await Promise.all([startDiscord(started), startSlack(started)])).filter((r): r is Running => r !== undefined);
  // Slack over HTTP already serves the pages on PORT; otherwise they get a server of their own.
  const slackOverHttp = Boolean(config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN);
  let webServer: Server | undefined;
  if (web && !slackOverHttp) {
    webServer = await startWebServer(web, { port: config.PORT, health: createHealthCheck({ engine, inFlight }) });
    logger.info('web pages started', { port: config.PORT });
  }

  const retentionMs = config.QUESTION_LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  const scheduler = createDigestScheduler({
    digests: core.digests,
    senders: Object.fromEntries(running.map((r) => [r.platform, r.digestSender])),
    now: () => new Date(),
    logger,
    onTick: (now) => core.questions.prune(new Date(now.getTime() - retentionMs)),
  });
  if (store.damaged) scheduler.pause(`the database ${store.path} is damaged; move it aside and restart, and the bot makes a new one`);
  scheduler.start(config.DIGEST_TICK_SECONDS * 1000);

  // Articles dropped into the corpus folder are picked up without a restart; SIGHUP (what
  // `grok-facts reload` sends) does the same on demand.
  const live = keepCorpusLive(engine, corpusDir, dataDir, logger, (result) => corpusStatus.recordReload(result));

  const shutdown = createShutdown({
    inFlight,
    logger,
    exit: (code) => process.exit(code),
    steps: [
      { name: 'corpus watcher and pid file', run: () => live.close() },
      ...(webServer ? [{ name: 'web pages', run: () => stopWebServer(webServer!) }] : []),
      { name: 'digest scheduler', run: () => scheduler.stop() },
      ...running.map((r) => ({ name: r.platform, run: () => r.stop() })),
      { name: 'database', run: () => db.close() },
    ],
  });
  ready(shutdown);
  // One bad event must never take the bot down: log it and keep serving.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
}

/** Citation pages and the admin page, when the configuration asks for either. */
function webAppFor(config: Config, core: BotCore, db: Store['db'], corpus: CorpusStatus, logger: Logger, databaseProblem?: string): WebApp | undefined {
  if (!config.PUBLIC_URL && !config.ADMIN_TOKEN) return undefined;
  return createWebApp({
    engine: core.engine,
    corpus,
    logger,
    adminToken: config.ADMIN_TOKEN,
    publicUrl: config.PUBLIC_URL,
    insights: () => collectInsights({ db, index: core.engine.index, corpus, databaseProblem }),
  });
}

/** A port another program holds: name PORT and the port, not Node's "listen EADDRINUSE: address already in use :::3000". */
function portInUse(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e?.code !== 'EADDRINUSE') return undefined;
  const port = e.port ?? /:(\d+)$/.exec(e.message)?.[1];
  return `PORT ${port ?? ''} is already in use — stop whatever listens there, or set PORT to a free port`.replace('PORT  ', 'PORT ');
}

main().catch((error: unknown) => {
  const inUse = portInUse(error);
  if (inUse) {
    process.stderr.write(`grok-facts: could not start — ${inUse}\n`);
    // What did start (another platform's connection, Bolt's retries) would keep the process alive.
    process.exit(1);
  }
  const known = error instanceof ConfigError || error instanceof CorpusError || error instanceof SlackConfigError || error instanceof DiscordConfigError || error instanceof StoreError;
  process.stderr.write(`grok-facts: ${known ? (error as Error).message : `could not start — ${(error as Error)?.message ?? error}`}\n`);
  process.exitCode = 1;
  // What did start (the other platform's connection, a socket's retries) must not keep a bot that
  // could not start alive: it would look running while it answers nobody.
  setTimeout(() => process.exit(1), 2000).unref();
});
