import type { Answer } from '../../src/answer/schema.js';
import { citationMarker, styleAnswerText } from '../shared/answer-segments.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { Style } from './style.js';
import { count } from '../shared/plural.js';
import { printable } from '../../src/text/printable.js';

function dateline(c: Answer['citations'][number]): string {
  return printable([c.publisher, c.published].filter(Boolean).join(', '));
}

/** An answer as a person reads it in a terminal: the text, then numbered sources. */
export function formatAnswer(answer: Answer, style: Style, link?: CitationLinker): string {
  if (answer.status === 'no_answer') {
    const lines = [style.yellow(answer.text)];
    if (answer.suggestions.length > 0) {
      lines.push('', style.dim('Questions I can answer:'), ...answer.suggestions.map((s) => `  • ${printable(s)}`));
    }
    return lines.join('\n');
  }
  // An article's text is printed with its control characters written out (printable): a file's escape sequences never reach the terminal.
  const lines = [styleAnswerText(answer, (q) => printable(q), (n) => style.cyan(citationMarker(n))), ''];
  for (const conflict of answer.conflicts) {
    const sides = conflict.sides.map((s) => `${printable(s.value)} ${citationMarker(s.n)}`).join(' vs ');
    lines.push(style.yellow(`⚠ Sources disagree on ${printable(conflict.about)}: ${sides}`), '');
  }
  for (const c of answer.citations) {
    const reported = c.reportedBy > 1 ? ` · reported by ${c.reportedBy} of ${count(answer.sourceCount, 'source')}` : '';
    const meta = dateline(c);
    lines.push(`${style.cyan(citationMarker(c.n))} ${style.bold(printable(c.title))}${meta ? style.dim(` — ${meta}`) : ''}${style.dim(reported)}`);
    lines.push(style.dim(`    “${printable(c.display)}”`));
    lines.push(style.dim(`    ${printable(c.source)} @ ${c.start}–${c.end}`));
    const url = link?.(c);
    if (url) lines.push(`    ${style.cyan(url)}`);
  }
  return lines.join('\n');
}

/** The machine contract of `ask --json`: one line, stable field names. */
export function answerToJson(answer: Answer): string {
  return JSON.stringify(answer);
}
