import { randomUUID } from 'node:crypto';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { BotCore } from '../../src/bot/bot-core.js';
import type { DigestSender } from '../../src/digest/scheduler.js';
import type { Logger } from '../../src/log/logger.js';
import { InFlight } from '../../src/lifecycle/in-flight.js';
import { RecentAnswers } from '../shared/recent-answers.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { DiscordContext } from './context.js';
import { handleInteraction } from './handlers/interaction.js';
import { handleMessage } from './handlers/message.js';
import { createDiscordDigestSender } from './digest-sender.js';
import { inviteUrl } from './invite.js';
import { NO_PINGS } from './respond.js';

export interface DiscordBotOptions {
  core: BotCore;
  logger: Logger;
  token: string;
  /** REST base URL, e.g. a local fake's `http://127.0.0.1:PORT/api`; Discord's own when absent. */
  apiBase?: string;
  /** Overrides for tests: fewer retries, shorter timeouts. */
  rest?: { retries?: number; timeout?: number };
  /** Events are handled through it, so shutdown can wait for them; new ones are dropped once it closes. */
  inFlight?: InFlight;
  /** Links each citation to its web page (PUBLIC_URL). */
  citationLink?: CitationLinker;
}

export class DiscordConfigError extends Error {}

/** Discord turning the token down, said in one line that names the variable (never its value). */
function rejectedToken(error: unknown): unknown {
  if ((error as { code?: string })?.code !== 'TokenInvalid') return error;
  return new DiscordConfigError('Discord rejected DISCORD_TOKEN (an invalid token) — copy the bot token again from the Developer Portal (Bot → Reset Token) into .env; see README, Connect Discord');
}

export interface DiscordBot {
  client: Client;
  digestSender: DigestSender;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Guilds + GuildMessages is enough: Discord sends the content of messages that mention the app
 * without the privileged MessageContent intent. DirectMessages with the Channel partial lets
 * DMs arrive even though DM channels are never cached up front.
 */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    rest: { ...(options.apiBase ? { api: options.apiBase } : {}), ...options.rest },
  });
  const ctx: DiscordContext = { core: options.core, logger: options.logger, recent: new RecentAnswers(), link: options.citationLink };

  client.once(Events.ClientReady, (ready) => {
    options.logger.info('discord ready', { user: ready.user.tag, guilds: ready.guilds.cache.size, invite: inviteUrl(ready.application.id) });
  });
  // Handlers catch their own errors; these guards keep one bad event from ever reaching the process.
  // One log line per event, with a request id that every line about that event carries too.
  const inFlight = options.inFlight ?? new InFlight();
  const traced = (kind: string, id: string, handle: (c: DiscordContext) => Promise<void>) => {
    const logger = options.logger.child({ requestId: randomUUID().slice(0, 8), platform: 'discord' });
    const started = performance.now();
    const run = inFlight.run(() => handle({ ...ctx, logger }).catch((error) => logger.error(`discord ${kind} crashed`, { error })));
    if (!run) logger.info('discord event dropped: shutting down', { kind, id });
    void run?.finally(() => logger.info('discord event', { kind, id, ms: Math.round(performance.now() - started) }));
  };
  client.on(Events.InteractionCreate, (interaction) => traced('interaction', interaction.id, (c) => handleInteraction(interaction, c)));
  client.on(Events.MessageCreate, (message) => traced('message', message.id, (c) => handleMessage(message, c)));
  client.on(Events.Error, (error) => options.logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => options.logger.warn('discord warning', { message }));

  return {
    client,
    digestSender: createDiscordDigestSender(client, options.citationLink),
    async start() {
      await client.login(options.token).catch((error: unknown) => {
        throw rejectedToken(error);
      });
    },
    async stop() {
      await client.destroy();
    },
  };
}
