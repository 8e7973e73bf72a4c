import { EmbedBuilder, type APIEmbed } from 'discord.js';
import type { Digest } from '../../src/digest/schema.js';
import type { CitationLinker } from '../shared/citation-link.js';
import { truncateWords } from '../shared/truncate.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { count } from '../shared/plural.js';

const meta = (s: { publisher: string | null; published: string | null }) => [s.publisher, s.published].filter(Boolean).join(', ');

/** A digest as one Discord embed, within Discord's limits; the fact of the day links to its passage when PUBLIC_URL is set. */
export function renderDigest(digest: Digest, link?: CitationLinker): { embeds: APIEmbed[] } {
  const embed = new EmbedBuilder().setColor(0x5865f2).setTitle(truncateWords(`📰 Grok V9-Medium digest — ${digest.dateLabel}`, L.embedTitle));
  if (digest.introduction) {
    const list = digest.introduction.map((s) => `• **${s.title}**${meta(s) ? ` — ${meta(s)}` : ''}`).join('\n');
    embed.setDescription(truncateWords(`Hello! Each day I'll post a fact from my sources and what people asked. I read ${digest.sourceCount === 1 ? 'this article' : `these ${count(digest.sourceCount, 'article')}`}:\n${list}`, L.embedDescription));
  } else if (digest.newCoverage.length > 0) {
    const list = digest.newCoverage.map((s) => `• **${s.title}**${meta(s) ? ` — ${meta(s)}` : ''}`).join('\n');
    embed.setDescription(truncateWords(`**New coverage**\n${list}`, L.embedDescription));
  } else {
    embed.setDescription('No new articles since the last digest.');
  }
  if (digest.factOfTheDay) {
    const c = digest.factOfTheDay.citation;
    // The link goes on a line of its own, so truncating a long quote never cuts it in half.
    const url = link?.(c);
    const more = url ? `\n[Read in context](${url})` : '';
    embed.addFields({ name: '📌 Fact of the day', value: `${truncateWords(`“${c.display}”\n— *${c.title}*${meta(c) ? `, ${meta(c)}` : ''}`, L.fieldValue - more.length)}${more}` });
  }
  if (digest.mostAsked.length > 0) {
    const lines = digest.mostAsked.map((m, i) => `**${i + 1}. ${m.question}** (${m.count}×)\n${truncateWords(m.answer, 200)}`);
    embed.addFields({ name: '🔥 Most asked in the last 24 hours', value: truncateWords(lines.join('\n'), L.fieldValue) });
  }
  for (const d of digest.disagreements.slice(0, 3)) {
    const sides = d.sides.map((s) => `${s.value} (*${s.title}*)`).join(' vs ');
    embed.addFields({ name: '⚠️ Sources disagree', value: truncateWords(`On ${d.about}: ${sides}`, L.fieldValue) });
  }
  embed.setFooter({ text: 'grok-facts daily digest · quotes are verbatim from the articles' });
  return { embeds: [embed.toJSON()] };
}
