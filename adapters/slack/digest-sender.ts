import type { App } from '@slack/bolt';
import { DeliveryError } from '../../src/digest/delivery-error.js';
import type { DigestSender } from '../../src/digest/scheduler.js';
import type { CitationLinker } from '../shared/citation-link.js';
import { renderDigest } from './blocks/render-digest.js';

type WebClient = App['client'];

// Web API errors that mean the bot cannot post there until a person changes something.
const NO_ACCESS = new Set([
  'not_in_channel', 'channel_not_found', 'is_archived', 'missing_scope', 'account_inactive', 'invalid_auth',
  'restricted_action', 'not_allowed_token_type', 'team_access_not_granted', 'token_revoked', 'ekm_access_denied',
]);

export function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } })?.data?.error;
}

export function isNoAccessError(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && NO_ACCESS.has(code);
}

export function createSlackDigestSender(client: WebClient, link?: CitationLinker): DigestSender {
  return {
    async send(subscription, digest) {
      try {
        await client.chat.postMessage({ channel: subscription.channel, ...renderDigest(digest, link) });
      } catch (error) {
        const code = slackErrorCode(error) ?? (error as Error).message;
        throw new DeliveryError(isNoAccessError(error) ? 'no_access' : 'transient', `Slack: ${code}`);
      }
    },
  };
}
