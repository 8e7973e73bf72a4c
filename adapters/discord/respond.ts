import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import type { RenderedMessage } from './render-answer.js';

/** No text from a user or an article may ping anyone: set on the client and again on every message. */
export const NO_PINGS = { parse: [], repliedUser: false } as const;

export type Reply = Partial<RenderedMessage> & { content?: string };

/**
 * The one place interaction replies are sent: sets the ephemeral flag and allowed mentions,
 * and picks reply, editReply or followUp from the interaction's state.
 */
export async function respond(interaction: RepliableInteraction, message: Reply, options: { ephemeral?: boolean } = {}): Promise<void> {
  const payload: InteractionReplyOptions = {
    ...message,
    allowedMentions: NO_PINGS,
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
  if (interaction.deferred && !interaction.replied) {
    // An edit keeps the flags chosen when the reply was deferred.
    const { flags: _flags, ...edit } = payload;
    await interaction.editReply(edit);
  } else if (interaction.replied) {
    await interaction.followUp(payload);
  } else {
    await interaction.reply(payload);
  }
}
