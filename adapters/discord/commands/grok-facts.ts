import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { checkQuestion } from '../../../src/answer/validate-question.js';
import { slowDownMessage } from '../../../src/rate-limit/rate-limiter.js';
import { RecentAnswers } from '../../shared/recent-answers.js';
import type { DiscordContext } from '../context.js';
import { DISCORD_LIMITS } from '../limits.js';
import { renderAnswer } from '../render-answer.js';
import { respond } from '../respond.js';

export const data = new SlashCommandBuilder()
  .setName('grok-facts')
  .setDescription('Ask about the Grok V9-Medium announcement — answers quote the news articles')
  .addStringOption((o) =>
    o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(DISCORD_LIMITS.questionOption).setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const check = checkQuestion(interaction.options.getString('question', true));
  if (!check.ok) {
    await respond(interaction, { content: `⚠️ ${check.error}` }, { ephemeral: true });
    return;
  }
  const limit = ctx.core.limits.question({ platform: 'discord', user: interaction.user.id, channel: interaction.channelId });
  if (!limit.ok) {
    await respond(interaction, { content: `⏳ ${slowDownMessage(limit)}` }, { ephemeral: true });
    return;
  }
  const answer = ctx.core.ask(check.question, { platform: 'discord', workspace: interaction.guildId ?? 'dm' });
  const answerId = RecentAnswers.newId();
  ctx.recent.remember(answerId, answer.question);
  await respond(interaction, renderAnswer(answer, answerId, ctx.link), { ephemeral });
}

/** Suggestions that match what has been typed so far; Discord allows 25 choices of 100 characters. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const typed = String(interaction.options.getFocused() ?? '');
  const choices = ctx.core.engine
    .suggestions(typed, DISCORD_LIMITS.autocompleteChoices)
    .filter((s) => s.length <= DISCORD_LIMITS.choiceName)
    .map((s) => ({ name: s, value: s }));
  await interaction.respond(choices);
}
