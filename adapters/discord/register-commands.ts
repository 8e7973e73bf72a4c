import { REST, Routes } from 'discord.js';
import { commands } from './commands/index.js';

/**
 * `npm run discord:register`: puts the slash commands on Discord. With DISCORD_GUILD_ID they go
 * to that one server and appear at once; without, globally (Discord may take up to an hour).
 */
export async function registerCommands(options: { token: string; appId: string; guildId?: string; apiBase?: string }): Promise<number> {
  const rest = new REST({ ...(options.apiBase ? { api: options.apiBase } : {}) }).setToken(options.token);
  const body = commands.map((c) => c.data.toJSON());
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  const result = (await rest.put(route, { body })) as unknown[];
  return result.length;
}

