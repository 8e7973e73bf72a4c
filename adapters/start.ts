#!/usr/bin/env node
import { chat } from './cli/commands/chat.js';
import { styleFor } from './cli/style.js';
import { ConfigError, loadConfig, resolveDir } from '../src/config/config.js';
import { CorpusError } from '../src/corpus/errors.js';
import { createEngine } from '../src/engine/engine.js';

/**
 * The composition root: reads the configuration once and starts what it names. With no
 * Discord or Slack credentials it opens the console chat, after saying how to connect them.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await createEngine({ corpusDir: resolveDir(config.CORPUS_DIR) });
  const style = styleFor(process.stdout);
  process.stdout.write(
    style.dim(
      'No Discord or Slack credentials configured — starting the console chat.\n' +
        'To connect a platform, copy .env.example to .env and set DISCORD_TOKEN + DISCORD_APP_ID, or SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (see README).\n\n',
    ),
  );
  process.exitCode = await chat(engine, process.stdin, process.stdout, style);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof CorpusError;
  process.stderr.write(`grok-facts: ${known ? (error as Error).message : `could not start — ${(error as Error)?.message ?? error}`}\n`);
  process.exitCode = 1;
});
