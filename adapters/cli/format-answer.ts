import type { Answer } from '../../src/answer/schema.js';
import { citationMarker, styleAnswerText } from '../shared/answer-segments.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { Style } from './style.js';
import { count } from '../shared/plural.js';

function dateline(c: Answer['citations'][number]): string {
  return [c.publisher, c.published].filter(Boolean).join(', ');
}

/** An answer as a person reads it in a terminal: the text, then numbered sources. */
export function formatAnswer(answer: Answer, style: Style, link?: CitationLinker): string {
  if (answer.status === 'no_answer') {
    const lines = [style.yellow(answer.text)];
    if (answer.suggestions.length > 0) {
      lines.push('', style.dim('Questions I can answer:'), ...answer.suggestions.map((s) => `  • ${s}`));
    }
    return lines.join('\n');
  }
  const lines = [styleAnswerText(answer, (q) => q, (n) => style.cyan(citationMarker(n))), ''];
  for (const conflict of answer.conflicts) {
    const sides = conflict.sides.map((s) => `${s.value} ${citationMarker(s.n)}`).join(' vs ');
    lines.push(style.yellow(`⚠ Sources disagree on ${conflict.about}: ${sides}`), '');
  }
  for (const c of answer.citations) {
    const reported = c.reportedBy > 1 ? ` · reported by ${c.reportedBy} of ${count(answer.sourceCount, 'source')}` : '';
    const meta = dateline(c);
    lines.push(`${style.cyan(citationMarker(c.n))} ${style.bold(c.title)}${meta ? style.dim(` — ${meta}`) : ''}${style.dim(reported)}`);
    lines.push(style.dim(`    “${c.display}”`));
    lines.push(style.dim(`    ${c.source} @ ${c.start}–${c.end}`));
    const url = link?.(c);
    if (url) lines.push(`    ${style.cyan(url)}`);
  }
  return lines.join('\n');
}

/** The machine contract of `ask --json`: one line, stable field names. */
export function answerToJson(answer: Answer): string {
  return JSON.stringify(answer);
}
