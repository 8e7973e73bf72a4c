import type { Answer } from '../../../src/answer/schema.js';
import type { SourceSummary } from '../../../src/engine/source-summary.js';
import { citationMarker, styleAnswerText } from '../../shared/answer-segments.js';
import type { CitationLinker } from '../../shared/citation-link.js';
import { truncateWords } from '../../shared/truncate.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';
import { count } from '../../shared/plural.js';

/** Block Kit JSON; kept as plain objects so the core's data is the only input. */
export type Block = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const ACTION_IDS = { helpful: 'feedback_up', notHelpful: 'feedback_down', share: 'share_answer' } as const;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncateWords(text, L.sectionText) } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncateWords(text, L.contextElementText) }] });

/** Slack's link syntax ends at | or >, so those never stand unencoded in the URL. */
export const slackUrl = (url: string) => url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');

function sourceLine(answer: Answer, c: Answer['citations'][number], link?: CitationLinker): string {
  const url = link?.(c);
  const title = url ? `<${slackUrl(url)}|${escapeMrkdwn(c.title)}>` : escapeMrkdwn(c.title);
  const parts = [`*${citationMarker(c.n)}* ${title}`, ...[c.publisher, c.published].filter(Boolean).map((p) => escapeMrkdwn(p!))];
  parts.push(`reported by ${c.reportedBy} of ${count(answer.sourceCount, 'source')}`);
  return parts.join(' · ');
}

function actions(answerId: string, share: boolean): Block {
  const button = (text: string, action_id: string, style?: 'primary') => ({
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id,
    value: answerId,
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    elements: [
      button('👍 Helpful', ACTION_IDS.helpful),
      button('👎 Not helpful', ACTION_IDS.notHelpful),
      ...(share ? [button('Share in channel', ACTION_IDS.share, 'primary')] : []),
    ],
  };
}

/**
 * The core's Answer as Block Kit, every piece of user and article text escaped. `restate`
 * repeats the question (a slash command's text is seen by nobody else); `share` adds the
 * "Share in channel" button to a private answer.
 */
export function renderAnswer(answer: Answer, answerId: string, options: { restate: boolean; share: boolean; buttons?: boolean; link?: CitationLinker }): SlackMessage {
  const blocks: Block[] = [];
  if (options.restate) blocks.push(section(`*Q:* ${escapeMrkdwn(answer.question)}`));
  if (answer.status === 'no_answer') {
    blocks.push(section(`:shrug: ${escapeMrkdwn(answer.text)}`));
    if (answer.suggestions.length > 0) {
      blocks.push(section(`*Questions I can answer:*\n${answer.suggestions.map((s) => `• ${escapeMrkdwn(s)}`).join('\n')}`));
    }
  } else {
    blocks.push(section(styleAnswerText(answer, escapeMrkdwn, (n) => `*${citationMarker(n)}*`)));
    for (const c of answer.conflicts) {
      blocks.push(section(`:warning: *Sources disagree* on ${escapeMrkdwn(c.about)}: ${c.sides.map((s) => `${escapeMrkdwn(s.value)} *${citationMarker(s.n)}*`).join(' vs ')}`));
    }
    for (const c of answer.citations.slice(0, 3)) blocks.push(context(sourceLine(answer, c, options.link)));
  }
  if (options.buttons !== false) blocks.push(actions(answerId, options.share && answer.status === 'answered'));
  const fallback = answer.status === 'answered' ? answer.text : `${answer.text} ${answer.suggestions.join(' · ')}`;
  return { text: truncateWords(escapeMrkdwn(fallback), L.fallbackText), blocks: blocks.slice(0, L.blocks) };
}

export function usageMessage(examples: readonly string[]): SlackMessage {
  const text =
    '*grok-facts* answers questions about the Grok V9-Medium announcement from news articles, quoting them word for word.\n' +
    '• `/grok-facts <question>` — ask (only you see the answer; *Share in channel* to post it)\n' +
    '• `/grok-facts sources` — the articles I read\n' +
    '• `/grok-facts digest on [HH:MM] [Area/City]` — a daily digest in this channel (`digest off`, `digest status`, `digest preview`)\n' +
    '• Mention me in a channel (`@grok-facts …`) and I answer in the thread; mention me again in the thread for a follow-up.';
  const tries = examples.map((e) => `• ${escapeMrkdwn(e)}`).join('\n');
  return { text: 'How to use grok-facts', blocks: [section(text), ...(tries ? [section(`*Try:*\n${tries}`)] : [])] };
}

export function sourcesMessage(sources: readonly SourceSummary[]): SlackMessage {
  const lines = sources.map((s) => {
    const meta = [s.publisher, s.published].filter(Boolean).map((m) => escapeMrkdwn(m!)).join(', ');
    return `• *${escapeMrkdwn(s.title)}*${meta ? ` — ${meta}` : ''} (${count(s.passages, 'passage')})`;
  });
  return { text: count(sources.length, 'article'), blocks: [section(`*My sources (${count(sources.length, 'article')}):*\n${lines.join('\n')}`)] };
}
