/**
 * Sentence segmentation that reports offsets, so quotes are exact slices of the source.
 * Splits after . ! ? and ellipses followed by white space, unless the word before the dot is an
 * abbreviation or an initial; numbers (1.5T, $12.5 billion) never contain a break because
 * their dots are not followed by white space. One article is all lower case, so a lower-case
 * letter after a full stop still starts a sentence.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'no', 'nos',
  'fig', 'figs', 'approx', 'est', 'dept', 'gen', 'gov', 'sen', 'rep', 'rev', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vol', 'pp', 'ca', 'cf', 'al',
]);

const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(?=\s)/gu;

export interface Span {
  start: number;
  end: number;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? '';
  if (!before) return false;
  const word = before.toLowerCase();
  if (ABBREVIATIONS.has(word.replace(/\./g, ''))) return true;
  // Initials and dotted acronyms: "J.", "U.S.", "e.g.", "a.m."
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(before)) return true;
  return /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Sentence spans within `text[from, to)`, trimmed of surrounding white space. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  const region = text.slice(from, to);
  let start = 0;
  for (const match of region.matchAll(BOUNDARY)) {
    const punctuation = match[1]!;
    const end = match.index + match[0].length;
    if (punctuation === '.' && isAbbreviation(region, match.index)) continue;
    pushTrimmed(region, start, end, from, spans);
    start = end;
  }
  pushTrimmed(region, start, region.length, from, spans);
  return spans;
}

function pushTrimmed(region: string, start: number, end: number, base: number, out: Span[]): void {
  while (start < end && /\s/.test(region[start]!)) start++;
  while (end > start && /\s/.test(region[end - 1]!)) end--;
  if (end > start) out.push({ start: base + start, end: base + end });
}
