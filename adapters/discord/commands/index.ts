import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { DiscordContext } from '../context.js';
import * as grokFactsDigest from './grok-facts-digest.js';
import * as grokFacts from './grok-facts.js';

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void>;
}

/** One file per command; this list is what gets registered and routed. */
export const commands: readonly Command[] = [grokFacts, grokFactsDigest];

export const commandsByName = new Map(commands.map((c) => [c.data.name, c]));
