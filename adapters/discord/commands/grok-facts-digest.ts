import {
  ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type AutocompleteInteraction,
  type ChatInputCommandInteraction, type GuildBasedChannel, type PermissionResolvable,
} from 'discord.js';
import type { SubscriptionStatus } from '../../../src/digest/digest-service.js';
import { slowDownMessage } from '../../../src/rate-limit/rate-limiter.js';
import type { DiscordContext } from '../context.js';
import { renderDigest } from '../render-digest.js';
import { respond } from '../respond.js';

/** What the bot needs in a channel to post a digest there, with the names people see in Discord. */
const POSTING_PERMISSIONS: ReadonlyArray<[PermissionResolvable, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

const channelOption = (description: string) => (o: import('discord.js').SlashCommandChannelOption) =>
  o.setName('channel').setDescription(description).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);

export const data = new SlashCommandBuilder()
  .setName('grok-facts-digest')
  .setDescription('A daily digest of the Grok V9-Medium coverage in a channel')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('subscribe')
      .setDescription('Post the digest in a channel every day')
      .addChannelOption(channelOption('Where to post (default: this channel)'))
      .addStringOption((o) => o.setName('time').setDescription('Local time, HH:MM 24-hour (default 09:00)').setMaxLength(5))
      .addStringOption((o) => o.setName('timezone').setDescription('Area/City, e.g. Europe/Berlin').setMaxLength(64).setAutocomplete(true)),
  )
  .addSubcommand((s) => s.setName('unsubscribe').setDescription('Stop the digest in a channel').addChannelOption(channelOption('Which channel (default: this one)')))
  .addSubcommand((s) => s.setName('status').setDescription("This server's digests"))
  .addSubcommand((s) => s.setName('preview').setDescription("What the next digest would say (only you see it)").addChannelOption(channelOption('Which channel (default: this one)')));

function describeStatus(s: SubscriptionStatus): string {
  const sub = s.subscription;
  const next = s.nextDue ? `next <t:${Math.floor(s.nextDue.getTime() / 1000)}:f>` : 'paused';
  const last = s.lastSent ? `, last sent ${s.lastSent}` : '';
  const paused = sub.disabledReason ? `\n  ⚠️ Paused: ${sub.disabledReason} — fix it, then subscribe again.` : '';
  return `• <#${sub.channel}> at ${sub.time} (${sub.tz}) — ${next}${last}${paused}`;
}

async function missingPermissions(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, channel: GuildBasedChannel | null): Promise<string[]> {
  if (!interaction.guild) return [];
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
  const permissions = channel ? channel.permissionsFor(me) : interaction.appPermissions;
  return POSTING_PERMISSIONS.filter(([flag]) => !permissions?.has(flag)).map(([, name]) => name);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  if (!interaction.inGuild()) {
    await respond(interaction, { content: 'Digests are set up per server channel — run this in a server.' }, { ephemeral: true });
    return;
  }
  // Discord hides the command from members without Manage Server, but server admins can change that.
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await respond(interaction, { content: 'You need the **Manage Server** permission to change digests.' }, { ephemeral: true });
    return;
  }
  const limit = ctx.core.limits.digestCommand({ platform: 'discord', channel: interaction.channelId });
  if (!limit.ok) {
    await respond(interaction, { content: `⏳ ${slowDownMessage(limit)}` }, { ephemeral: true });
    return;
  }
  const digests = ctx.core.digests;
  const picked = interaction.options.getChannel('channel');
  const channelId = picked?.id ?? interaction.channelId;
  const channel = interaction.guild?.channels.cache.get(channelId) ?? null;

  switch (interaction.options.getSubcommand()) {
    case 'subscribe': {
      const checked = digests.validate({ time: interaction.options.getString('time') ?? undefined, tz: interaction.options.getString('timezone') ?? undefined });
      if (!checked.ok) {
        await respond(interaction, { content: `⚠️ ${checked.error}` }, { ephemeral: true });
        return;
      }
      const missing = await missingPermissions(interaction, channel);
      if (missing.length > 0) {
        await respond(interaction, { content: `⚠️ I can't post in <#${channelId}>: I'm missing the **${missing.join('**, **')}** permission${missing.length > 1 ? 's' : ''} there.` }, { ephemeral: true });
        return;
      }
      const result = digests.subscribe({ platform: 'discord', workspace: interaction.guildId, channel: channelId, time: checked.time, tz: checked.tz });
      if (!result.ok) {
        await respond(interaction, { content: `⚠️ ${result.error}` }, { ephemeral: true });
        return;
      }
      const [status] = digests.status('discord', interaction.guildId).filter((s) => s.subscription.channel === channelId);
      await respond(interaction, { content: `✅ Daily digest in <#${channelId}> at ${checked.time} (${checked.tz}).${status?.nextDue ? ` First one <t:${Math.floor(status.nextDue.getTime() / 1000)}:R>.` : ''}` }, { ephemeral: true });
      return;
    }
    case 'unsubscribe': {
      const removed = digests.unsubscribe('discord', channelId);
      await respond(interaction, { content: removed ? `🛑 No more digests in <#${channelId}>.` : `There is no digest in <#${channelId}>.` }, { ephemeral: true });
      return;
    }
    case 'status': {
      const all = digests.status('discord', interaction.guildId);
      await respond(interaction, { content: all.length === 0 ? 'No channel in this server gets a digest yet — `/grok-facts-digest subscribe` starts one.' : `**Digests in this server**\n${all.map(describeStatus).join('\n')}` }, { ephemeral: true });
      return;
    }
    default: {
      const digest = digests.preview('discord', interaction.guildId, channelId);
      await respond(interaction, renderDigest(digest, ctx.link), { ephemeral: true });
    }
  }
}

/** Time-zone names matching what has been typed (Discord allows 25 choices). */
export async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused()).toLowerCase();
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.toLowerCase().includes(typed)).slice(0, 25);
  await interaction.respond(zones.map((z) => ({ name: z, value: z })));
}
