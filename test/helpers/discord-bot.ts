import { once } from 'node:events';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.js';
import type { BotCore } from '../../src/bot/bot-core.js';
import type { Logger } from '../../src/log/logger.js';
import type { FakeDiscord } from '../fakes/fake-discord.js';

/** The real discord.js bot, pointed at the fake, once it is ready. */
export async function startDiscordBot(fake: FakeDiscord, core: BotCore, logger: Logger, token: string): Promise<DiscordBot> {
  const bot = createDiscordBot({ core, logger, token, apiBase: fake.apiBase, rest: { retries: 0, timeout: 5000 } });
  const ready = once(bot.client, 'clientReady');
  await bot.start();
  await ready;
  return bot;
}
