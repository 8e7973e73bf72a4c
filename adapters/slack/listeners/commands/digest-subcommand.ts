import type { App, RespondFn } from '@slack/bolt';
import type { SubscriptionStatus } from '../../../../src/digest/digest-service.js';
import { escapeMrkdwn } from '../../blocks/escape.js';
import { renderDigest } from '../../blocks/render-digest.js';
import type { SlackContext } from '../../context.js';
import { isNoAccessError } from '../../digest-sender.js';
import { parseDigestOn } from '../../mention-text.js';

type WebClient = App['client'];

export const DIGEST_USAGE =
  '*Daily digest for this channel*\n' +
  '• `/grok-facts digest on [HH:MM] [Area/City]` — every day at that local time (default 09:00 UTC), e.g. `digest on 08:30 Europe/Berlin`\n' +
  '• `/grok-facts digest off` — stop it\n' +
  '• `/grok-facts digest status` — the digests in this workspace\n' +
  '• `/grok-facts digest preview` — what the next one would say';

function describe(s: SubscriptionStatus): string {
  const sub = s.subscription;
  const next = s.nextDue ? `next <!date^${Math.floor(s.nextDue.getTime() / 1000)}^{date_short_pretty} {time}|${s.nextDue.toISOString()}>` : 'paused';
  const paused = sub.disabledReason ? `\n   :warning: Paused: ${escapeMrkdwn(sub.disabledReason)} — fix it, then \`digest on\` again.` : '';
  return `• <#${sub.channel}> at ${sub.time} (${escapeMrkdwn(sub.tz)}) — ${next}${s.lastSent ? `, last sent ${s.lastSent}` : ''}${paused}`;
}

export async function handleDigestSubcommand(
  args: string[],
  where: { team: string; channel: string; botUserId?: string },
  respond: RespondFn,
  client: WebClient,
  ctx: SlackContext,
): Promise<void> {
  const digests = ctx.core.digests;
  const [action = '', ...rest] = args;
  switch (action.toLowerCase()) {
    case 'on': {
      const checked = digests.validate(parseDigestOn(rest));
      if (!checked.ok) {
        await respond({ response_type: 'ephemeral', text: `:warning: ${checked.error}` });
        return;
      }
      // Posting the confirmation is also the access check: a bot not in the channel is told so now, not at 09:00.
      try {
        await client.chat.postMessage({
          channel: where.channel,
          text: `:newspaper: This channel will get the Grok V9-Medium digest every day at ${checked.time} (${checked.tz}).`,
        });
      } catch (error) {
        if (isNoAccessError(error)) {
          const me = where.botUserId ? `<@${where.botUserId}>` : '@grok-facts';
          await respond({ response_type: 'ephemeral', text: `:warning: I can't post in this channel — invite me first: \`/invite ${me}\`` });
          return;
        }
        throw error;
      }
      digests.subscribe({ platform: 'slack', workspace: where.team, channel: where.channel, time: checked.time, tz: checked.tz });
      await respond({ response_type: 'ephemeral', text: `:white_check_mark: Daily digest here at ${checked.time} (${checked.tz}).` });
      return;
    }
    case 'off': {
      const removed = digests.unsubscribe('slack', where.channel);
      await respond({ response_type: 'ephemeral', text: removed ? ':octagonal_sign: No more digests in this channel.' : 'This channel has no digest.' });
      return;
    }
    case 'status': {
      const all = digests.status('slack', where.team);
      await respond({ response_type: 'ephemeral', text: all.length === 0 ? 'No channel gets a digest yet — `/grok-facts digest on` starts one here.' : `*Digests in this workspace*\n${all.map(describe).join('\n')}` });
      return;
    }
    case 'preview':
      await respond({ response_type: 'ephemeral', ...renderDigest(digests.preview('slack', where.team, where.channel), ctx.link) });
      return;
    default:
      await respond({ response_type: 'ephemeral', text: DIGEST_USAGE });
  }
}
