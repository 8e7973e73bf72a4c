#!/usr/bin/env node
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { inviteUrl } from './invite.js';
import { registerCommands } from './register-commands.js';

/** Entry point of `npm run discord:register`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN ?? ''] });
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
    throw new ConfigError('Configuration error — DISCORD_TOKEN and DISCORD_APP_ID must both be set to register commands');
  }
  const count = await registerCommands({
    token: config.DISCORD_TOKEN,
    appId: config.DISCORD_APP_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiBase: config.DISCORD_API_BASE,
  });
  logger.info('discord commands registered', { count, scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global' });
  process.stdout.write(`Registered ${count} command(s) ${config.DISCORD_GUILD_ID ? 'to your server' : 'globally'}.\nInvite the bot: ${inviteUrl(config.DISCORD_APP_ID)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`grok-facts: ${error instanceof ConfigError ? error.message : `could not register commands — ${(error as Error).message}`}\n`);
  process.exitCode = 1;
});
