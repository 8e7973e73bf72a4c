import type { App } from '@slack/bolt';
import { checkQuestion } from '../../../../src/answer/validate-question.js';
import { slowDownMessage } from '../../../../src/rate-limit/rate-limiter.js';
import { RecentAnswers } from '../../../shared/recent-answers.js';
import { renderAnswer, sourcesMessage, usageMessage } from '../../blocks/render-answer.js';
import { requestLogger, SOMETHING_WENT_WRONG, type SlackContext } from '../../context.js';
import { handleDigestSubcommand } from './digest-subcommand.js';

export const COMMAND = '/grok-facts';

/**
 * `/grok-facts <question>`: acknowledged at once (Slack's three-second rule), then answered
 * privately through respond(); `help` or nothing shows usage, `sources` lists the articles.
 */
export function registerGrokFactsCommand(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ ack, command, respond, client, context }) => {
    const log = requestLogger(ctx, context);
    await ack();
    try {
      const text = command.text.trim();
      if (text === '' || /^help$/i.test(text)) {
        await respond({ response_type: 'ephemeral', ...usageMessage(ctx.core.engine.suggestions('', 3)) });
        return;
      }
      if (/^digest\b/i.test(text)) {
        const limit = ctx.core.limits.digestCommand({ platform: 'slack', channel: command.channel_id });
        if (!limit.ok) {
          await respond({ response_type: 'ephemeral', text: `:hourglass: ${slowDownMessage(limit)}` });
          return;
        }
        const args = text.split(/\s+/).slice(1);
        await handleDigestSubcommand(args, { team: command.team_id, channel: command.channel_id, botUserId: context.botUserId }, respond, client, ctx);
        return;
      }
      if (/^sources$/i.test(text)) {
        await respond({ response_type: 'ephemeral', ...sourcesMessage(ctx.core.engine.sources()) });
        return;
      }
      const check = checkQuestion(text);
      if (!check.ok) {
        await respond({ response_type: 'ephemeral', text: `:warning: ${check.error}` });
        return;
      }
      const limit = ctx.core.limits.question({ platform: 'slack', user: command.user_id, channel: command.channel_id });
      if (!limit.ok) {
        await respond({ response_type: 'ephemeral', text: `:hourglass: ${slowDownMessage(limit)}` });
        return;
      }
      const answer = ctx.core.ask(check.question, { platform: 'slack', workspace: command.team_id });
      const answerId = RecentAnswers.newId();
      ctx.recent.remember(answerId, answer.question);
      await respond({ response_type: 'ephemeral', ...renderAnswer(answer, answerId, { restate: true, share: true, link: ctx.link }) });
    } catch (error) {
      log.error('slack command failed', { error, command: command.command });
      await respond({ response_type: 'ephemeral', text: SOMETHING_WENT_WRONG }).catch((e: unknown) =>
        log.error('slack error reply failed', { error: e }),
      );
    }
  });
}
