import { createHash } from 'node:crypto';
import { DiscordAPIError, type Client } from 'discord.js';
import { DeliveryError } from '../../src/digest/delivery-error.js';
import type { DigestSender } from '../../src/digest/scheduler.js';
import type { CitationLinker } from '../shared/citation-link.js';
import { renderDigest } from './render-digest.js';
import { NO_PINGS } from './respond.js';

// Missing Access, Missing Permissions, Unknown Channel, Cannot send messages to this user.
const NO_ACCESS_CODES = new Set([50001, 50013, 10003, 50007]);

/**
 * Posts digests through discord.js. The nonce, with enforce_nonce, makes Discord drop a second
 * copy of the same day's digest should a crash land between the send and its bookkeeping.
 */
export function createDiscordDigestSender(client: Client, link?: CitationLinker): DigestSender {
  return {
    async send(subscription, digest) {
      const nonce = createHash('sha1').update(`digest:${subscription.id}:${digest.localDate}`).digest('base64url').slice(0, 25);
      try {
        const channel = await client.channels.fetch(subscription.channel);
        if (!channel || !channel.isSendable()) throw new DeliveryError('no_access', `channel ${subscription.channel} is gone or not a text channel`);
        await channel.send({ ...renderDigest(digest, link), nonce, enforceNonce: true, allowedMentions: NO_PINGS });
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        if (error instanceof DiscordAPIError && (NO_ACCESS_CODES.has(Number(error.code)) || error.status === 403 || error.status === 404)) {
          throw new DeliveryError('no_access', `Discord: ${error.message}`);
        }
        throw new DeliveryError('transient', `Discord: ${(error as Error).message}`);
      }
    },
  };
}
