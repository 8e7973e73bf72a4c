import type { Digest } from '../../../src/digest/schema.js';
import type { CitationLinker } from '../../shared/citation-link.js';
import { truncateWords } from '../../shared/truncate.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';
import { slackUrl, type Block, type SlackMessage } from './render-answer.js';
import { count } from '../../shared/plural.js';

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncateWords(text, L.sectionText) } });
const meta = (s: { publisher: string | null; published: string | null }) => [s.publisher, s.published].filter(Boolean).map((m) => escapeMrkdwn(m!)).join(', ');

/** A digest as Block Kit, every article and user text escaped; the fact of the day's title links to its passage when PUBLIC_URL is set. */
export function renderDigest(digest: Digest, link?: CitationLinker): SlackMessage {
  const title = `Grok V9-Medium digest — ${digest.dateLabel}`;
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: truncateWords(`📰 ${title}`, 150), emoji: true } }];
  if (digest.introduction) {
    const list = digest.introduction.map((s) => `• *${escapeMrkdwn(s.title)}*${meta(s) ? ` — ${meta(s)}` : ''}`).join('\n');
    blocks.push(section(`Hello! Each day I'll post a fact from my sources and what people asked. I read ${digest.sourceCount === 1 ? 'this article' : `these ${count(digest.sourceCount, 'article')}`}:\n${list}`));
  } else if (digest.newCoverage.length > 0) {
    blocks.push(section(`*New coverage*\n${digest.newCoverage.map((s) => `• *${escapeMrkdwn(s.title)}*${meta(s) ? ` — ${meta(s)}` : ''}`).join('\n')}`));
  } else {
    blocks.push(section('No new articles since the last digest.'));
  }
  if (digest.factOfTheDay) {
    const c = digest.factOfTheDay.citation;
    blocks.push(section(`:pushpin: *Fact of the day*\n>${escapeMrkdwn(c.display)}`));
    const url = link?.(c);
    const title = url ? `<${slackUrl(url)}|${escapeMrkdwn(c.title)}>` : escapeMrkdwn(c.title);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncateWords(`${title}${meta(c) ? ` · ${meta(c)}` : ''}`, L.contextElementText) }] });
  }
  if (digest.mostAsked.length > 0) {
    const lines = digest.mostAsked.map((m, i) => `*${i + 1}. ${escapeMrkdwn(m.question)}* (${m.count}×)\n${escapeMrkdwn(truncateWords(m.answer, 200))}`);
    blocks.push(section(`:fire: *Most asked in the last 24 hours*\n${lines.join('\n')}`));
  }
  for (const d of digest.disagreements.slice(0, 3)) {
    blocks.push(section(`:warning: *Sources disagree* on ${escapeMrkdwn(d.about)}: ${d.sides.map((s) => `${escapeMrkdwn(s.value)} (_${escapeMrkdwn(s.title)}_)`).join(' vs ')}`));
  }
  const fallback = [title, digest.factOfTheDay ? `Fact of the day: ${digest.factOfTheDay.citation.display}` : ''].filter(Boolean).join(' — ');
  return { text: truncateWords(escapeMrkdwn(fallback), L.fallbackText), blocks: blocks.slice(0, L.blocks) };
}
