import type { Answer } from '../../src/answer/schema.js';

/**
 * The bot's citation marker, as the core writes it after each quote. `#` sets it apart from
 * the articles' own reference markers ("…partners [5, 11]."), which the quotes keep verbatim.
 */
export const citationMarker = (n: number): string => `[#${n}]`;

/**
 * An answer's text split back into its quotes and their markers, so a surface can style the
 * markers (bold, colour) without touching a quote. Each segment's `text` is the citation's
 * `display`, never its raw `quote`: for Markdown the raw slice keeps `**` and `[..](url)`, which
 * people must not see (the raw quote is only for offsets and links). Undefined when the text is
 * not made of quotes and markers (a no_answer), so the caller shows it as it is.
 */
export function answerSegments(answer: Answer): { text: string; n: number }[] | undefined {
  if (answer.status !== 'answered') return undefined;
  const segments: { text: string; n: number }[] = [];
  let rest = answer.text;
  while (rest.length > 0) {
    const cited = answer.citations.find((c) => rest.startsWith(`${c.display} ${citationMarker(c.n)}`));
    if (!cited) return undefined;
    segments.push({ text: cited.display, n: cited.n });
    rest = rest.slice(`${cited.display} ${citationMarker(cited.n)}`.length).replace(/^ /, '');
  }
  return segments;
}

/** The answer text with each shown quote passed through `quote` and each marker drawn by `marker`. */
export function styleAnswerText(answer: Answer, quote: (text: string) => string, marker: (n: number) => string): string {
  const segments = answerSegments(answer);
  if (!segments) return quote(answer.text);
  return segments.map((s) => `${quote(s.text)} ${marker(s.n)}`).join(' ');
}
