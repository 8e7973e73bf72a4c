#!/usr/bin/env node
import { ConfigError, loadConfig, resolveDir, type Config } from '../src/config/config.js';
import { CorpusError } from '../src/corpus/errors.js';
import { createEngine, type Engine } from '../src/engine/engine.js';
import { createFeedbackLog, type FeedbackLog } from '../src/feedback/feedback.js';
import { createLogger, type Logger } from '../src/log/logger.js';
import { chat } from './cli/commands/chat.js';
import { styleFor } from './cli/style.js';
import { createDiscordBot } from './discord/bot.js';
import { createSlackApp, SlackConfigError } from './slack/app.js';

/** Something started that must be stopped cleanly on shutdown. */
interface Running {
  name: string;
  stop(): Promise<void>;
}

interface Core {
  config: Config;
  engine: Engine;
  feedback: FeedbackLog;
  logger: Logger;
}

async function startDiscord(core: Core): Promise<Running | undefined> {
  const { config } = core;
  if (!config.DISCORD_TOKEN) return undefined;
  const bot = createDiscordBot({ ...core, token: config.DISCORD_TOKEN, apiBase: config.DISCORD_API_BASE });
  await bot.start();
  core.logger.info('discord started');
  return { name: 'discord', stop: () => bot.stop() };
}

async function startSlack(core: Core): Promise<Running | undefined> {
  const { config } = core;
  if (!config.SLACK_BOT_TOKEN) return undefined;
  const slack = createSlackApp({
    ...core,
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    port: config.PORT,
    apiUrl: config.SLACK_API_URL,
  });
  await slack.start();
  return { name: 'slack', stop: () => slack.stop() };
}

/**
 * The composition root: reads the configuration once and starts what it names — Discord
 * and/or Slack when their credentials are set; otherwise the console chat, after saying how
 * to connect a platform.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN].filter((s): s is string => !!s),
  });
  const engine = await createEngine({ corpusDir: resolveDir(config.CORPUS_DIR) });
  const core: Core = { config, engine, feedback: createFeedbackLog(), logger };

  const running = (await Promise.all([startDiscord(core), startSlack(core)])).filter((r): r is Running => r !== undefined);
  if (running.length === 0) {
    const style = styleFor(process.stdout);
    process.stdout.write(
      style.dim(
        'No Discord or Slack credentials configured — starting the console chat.\n' +
          'To connect a platform, copy .env.example to .env and set DISCORD_TOKEN (Discord) or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (Slack); see README.\n\n',
      ),
    );
    process.exitCode = await chat(engine, process.stdin, process.stdout, style);
    return;
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    Promise.allSettled(running.map((r) => r.stop())).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // One bad event must never take the bot down: log it and keep serving.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof CorpusError || error instanceof SlackConfigError;
  process.stderr.write(`grok-facts: ${known ? (error as Error).message : `could not start — ${(error as Error)?.message ?? error}`}\n`);
  process.exitCode = 1;
});
