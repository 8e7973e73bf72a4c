import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbed, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Answer } from '../../src/answer/schema.js';
import { citationMarker, styleAnswerText } from '../shared/answer-segments.js';
import type { CitationLinker } from '../shared/citation-link.js';
import { truncateWords } from '../shared/truncate.js';
import { feedbackButtonId } from './feedback-ids.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { count } from '../shared/plural.js';

export interface RenderedMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const COLOUR_ANSWERED = 0x5865f2;
const COLOUR_NO_ANSWER = 0x99aab5;

function sourceLine(answer: Answer, c: Answer['citations'][number]): string {
  const parts = [c.publisher, c.published].filter(Boolean) as string[];
  parts.push(`reported by ${c.reportedBy} of ${count(answer.sourceCount, 'source')}`);
  return parts.join(' · ');
}

function feedbackRow(answerId: string): APIActionRowComponent<APIButtonComponent> {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId(feedbackButtonId(answerId, true)).setLabel('Helpful').setEmoji('👍').setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(feedbackButtonId(answerId, false)).setLabel('Not helpful').setEmoji('👎').setStyle(ButtonStyle.Secondary),
    )
    .toJSON();
}

/** One link button per citation, opening the passage in its article; none without PUBLIC_URL. */
function linkRow(answer: Answer, link: CitationLinker | undefined): APIActionRowComponent<APIButtonComponent> | undefined {
  const buttons = answer.citations.slice(0, 5).flatMap((c) => {
    const url = link?.(c);
    // Discord refuses a link button whose URL is longer than 512 characters.
    return url && url.length <= 512 ? [new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(url).setLabel(`${citationMarker(c.n)} Read in context`)] : [];
  });
  return buttons.length > 0 ? new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons).toJSON() : undefined;
}

/** The core's Answer as a Discord embed with feedback buttons, within every Discord limit. */
export function renderAnswer(answer: Answer, answerId: string, link?: CitationLinker): RenderedMessage {
  const embed = new EmbedBuilder().setTitle(truncateWords(answer.question, L.embedTitle));
  if (answer.status === 'no_answer') {
    const tries = answer.suggestions.map((s) => `• ${s}`).join('\n');
    embed
      .setColor(COLOUR_NO_ANSWER)
      .setDescription(truncateWords(`🤷 ${answer.text}${tries ? `\n\n**Questions I can answer:**\n${tries}` : ''}`, L.embedDescription));
  } else {
    const disagreement = answer.conflicts
      .map((c) => `⚠️ **Sources disagree** on ${c.about}: ${c.sides.map((s) => `${s.value} **${citationMarker(s.n)}**`).join(' vs ')}`)
      .join('\n');
    // The disagreement line must survive truncation, so the answer text gives way first.
    const room = L.embedDescription - (disagreement ? disagreement.length + 2 : 0);
    const description = `${truncateWords(styleAnswerText(answer, (q) => q, (n) => `**${citationMarker(n)}**`), room)}${disagreement ? `\n\n${disagreement}` : ''}`;
    // Discord refuses an empty description; an answer without text still gets its embed.
    embed.setColor(COLOUR_ANSWERED);
    if (description.trim()) embed.setDescription(description);
    for (const c of answer.citations.slice(0, 3)) {
      embed.addFields({ name: truncateWords(`${citationMarker(c.n)} ${c.title}`, L.fieldName), value: truncateWords(sourceLine(answer, c), L.fieldValue) });
    }
  }
  embed.setFooter({ text: 'grok-facts · quotes are verbatim from the articles' });
  const json = embed.toJSON();
  // Stay inside the 6000-character budget for the whole embed, trimming the description if need be.
  const total = JSON.stringify([json.title, json.description, json.fields, json.footer?.text]).length;
  if (total > L.embedTotal && json.description) json.description = truncateWords(json.description, json.description.length - (total - L.embedTotal) - 50);
  const links = answer.status === 'answered' ? linkRow(answer, link) : undefined;
  return { embeds: [json], components: links ? [links, feedbackRow(answerId)] : [feedbackRow(answerId)] };
}

export function helpMessage(examples: readonly string[]): RenderedMessage {
  const embed = new EmbedBuilder()
    .setTitle('Ask me about the Grok V9-Medium announcement')
    .setColor(COLOUR_NO_ANSWER)
    .setDescription(
      truncateWords(
        `Mention me with a question, or use \`/grok-facts\`. I answer only from my news articles and quote them word for word.\n\n**For example:**\n${examples.map((e) => `• ${e}`).join('\n')}`,
        L.embedDescription,
      ),
    );
  return { embeds: [embed.toJSON()], components: [] };
}
