import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/** Exactly what the bot needs: read the channel, post answers (also in threads), embed them, see what is replied to. */
export const REQUIRED_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export const REQUIRED_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function inviteUrl(appId: string): string {
  const params = new URLSearchParams({ client_id: appId, scope: REQUIRED_SCOPES.join(' '), permissions: REQUIRED_PERMISSIONS.toString() });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
