import type { App } from '@slack/bolt';
import { checkQuestion } from '../../../../src/answer/validate-question.js';
import { slowDownMessage } from '../../../../src/rate-limit/rate-limiter.js';
import { RecentAnswers } from '../../../shared/recent-answers.js';
import { renderAnswer, usageMessage } from '../../blocks/render-answer.js';
import { requestLogger, SOMETHING_WENT_WRONG, type SlackContext } from '../../context.js';
import { questionFromMention } from '../../mention-text.js';

const threadKey = (channel: string, threadTs: string) => `thread:${channel}:${threadTs}`;

/**
 * `@grok-facts question` in a channel: answered in the thread. A mention inside a thread where
 * the bot answered before is a follow-up of that thread's last question. Bot messages (its
 * own included) and edits are ignored.
 */
export function registerAppMention(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, say, context, client }) => {
    const log = requestLogger(ctx, context);
    const raw = event as typeof event & { bot_id?: string; subtype?: string; edited?: unknown };
    if (raw.bot_id || raw.subtype || raw.edited) return;
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const text = questionFromMention(event.text, context.botUserId);
      if (!text) {
        await say({ thread_ts: threadTs, ...usageMessage(ctx.core.engine.suggestions('', 3)) });
        return;
      }
      const check = checkQuestion(text);
      if (!check.ok) {
        await say({ thread_ts: threadTs, text: `:warning: ${check.error}` });
        return;
      }
      const limit = ctx.core.limits.question({ platform: 'slack', user: event.user ?? 'unknown', channel: event.channel });
      if (!limit.ok) {
        // Only the asker needs the notice: an ephemeral message in the thread. Where Slack
        // refuses one (the user left the channel), the thread gets it rather than nothing.
        const text = `:hourglass: ${slowDownMessage(limit)}`;
        try {
          if (!event.user) throw new Error('mention without a user');
          await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, text });
        } catch (error) {
          log.warn('slack ephemeral slow-down failed; replying in the thread', { error, channel: event.channel });
          await say({ thread_ts: threadTs, text });
        }
        return;
      }
      const key = threadKey(event.channel, threadTs);
      const previous = event.thread_ts ? ctx.recent.question(key) : undefined;
      const answer = ctx.core.ask(check.question, { previous, platform: 'slack', workspace: context.teamId ?? event.team ?? 'unknown' });
      const answerId = RecentAnswers.newId();
      ctx.recent.remember(answerId, answer.question);
      await say({ thread_ts: threadTs, ...renderAnswer(answer, answerId, { restate: false, share: false, link: ctx.link }) });
      ctx.recent.remember(key, answer.question);
    } catch (error) {
      log.error('slack mention failed', { error, channel: event.channel });
      await say({ thread_ts: threadTs, text: SOMETHING_WENT_WRONG }).catch((e: unknown) => log.error('slack error reply failed', { error: e }));
    }
  });
}
