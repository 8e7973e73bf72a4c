import type { Message } from 'discord.js';
import { checkQuestion } from '../../../src/answer/validate-question.js';
import { slowDownMessage } from '../../../src/rate-limit/rate-limiter.js';
import { RecentAnswers } from '../../shared/recent-answers.js';
import type { DiscordContext } from '../context.js';
import { questionFromMessage } from '../mention-text.js';
import { helpMessage, renderAnswer } from '../render-answer.js';
import { NO_PINGS } from '../respond.js';

/** The question our earlier answer (the message being replied to) was about, for follow-ups. */
async function previousQuestion(message: Message, ctx: DiscordContext): Promise<string | undefined> {
  const id = message.reference?.messageId;
  if (!id) return undefined;
  const remembered = ctx.recent.question(`message:${id}`);
  if (remembered) return remembered;
  // After a restart the answer's embed still carries the question as its title.
  try {
    const referenced = await message.fetchReference();
    return referenced.author.id === message.client.user.id ? (referenced.embeds[0]?.title ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A message that mentions the bot's user (not @everyone, @here or a role), or any message in
 * a DM, is a question. Bots, this one included, are ignored.
 */
export async function handleMessage(message: Message, ctx: DiscordContext): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId || message.author.bot) return;
  const isDirect = !message.inGuild();
  if (!isDirect && !message.mentions.users.has(botId)) return;
  try {
    const text = questionFromMessage(message.content, botId);
    if (!text) {
      await message.reply({ ...helpMessage(ctx.core.engine.suggestions('', 3)), allowedMentions: NO_PINGS });
      return;
    }
    const check = checkQuestion(text);
    if (!check.ok) {
      await message.reply({ content: `⚠️ ${check.error}`, allowedMentions: NO_PINGS });
      return;
    }
    const limit = ctx.core.limits.question({ platform: 'discord', user: message.author.id, channel: message.channelId });
    if (!limit.ok) {
      await message.reply({ content: `⏳ ${slowDownMessage(limit)}`, allowedMentions: NO_PINGS });
      return;
    }
    const previous = await previousQuestion(message, ctx);
    const answer = ctx.core.ask(check.question, { previous, platform: 'discord', workspace: message.guildId ?? 'dm' });
    const answerId = RecentAnswers.newId();
    ctx.recent.remember(answerId, answer.question);
    const sent = await message.reply({ ...renderAnswer(answer, answerId, ctx.link), allowedMentions: NO_PINGS });
    ctx.recent.remember(`message:${sent.id}`, answer.question);
  } catch (error) {
    ctx.logger.error('discord message failed', { error, message: message.id });
    try {
      await message.reply({ content: '❌ Something went wrong — please try again', allowedMentions: NO_PINGS });
    } catch (replyError) {
      ctx.logger.error('discord error reply failed', { error: replyError, message: message.id });
    }
  }
}
