import { MessageFlags, type Interaction } from 'discord.js';
import { commandsByName } from '../commands/index.js';
import type { DiscordContext } from '../context.js';
import { parseFeedbackButtonId } from '../feedback-ids.js';
import { respond } from '../respond.js';

export const SOMETHING_WENT_WRONG = '❌ Something went wrong — please try again';

async function route(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    await commandsByName.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const command = commandsByName.get(interaction.commandName);
    if (!command) {
      await respond(interaction, { content: 'That command is not available any more.' }, { ephemeral: true });
      return;
    }
    await command.execute(interaction, ctx);
    return;
  }
  if (interaction.isButton()) {
    const feedback = parseFeedbackButtonId(interaction.customId);
    if (!feedback) return;
    ctx.core.feedback.record({ ...feedback, question: ctx.recent.question(feedback.answerId), platform: 'discord' });
    await interaction.reply({ content: 'Thanks — noted', flags: MessageFlags.Ephemeral });
  }
}

/** Every interaction gets an answer, even when handling it fails; the failure is logged, never shown. */
export async function handleInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    await route(interaction, ctx);
  } catch (error) {
    ctx.logger.error('discord interaction failed', { error, interaction: interaction.id, type: interaction.type });
    if (!interaction.isRepliable()) return;
    try {
      await respond(interaction, { content: SOMETHING_WENT_WRONG, embeds: [], components: [] }, { ephemeral: true });
    } catch (replyError) {
      ctx.logger.error('discord error reply failed', { error: replyError, interaction: interaction.id });
    }
  }
}
