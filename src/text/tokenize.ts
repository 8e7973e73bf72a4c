import { foldTypography } from './fold.js';
import { canonicalNumber, scaleSuffix } from './numbers.js';
import { ownEntry } from './own-entry.js';

export type TokenKind = 'word' | 'number' | 'money' | 'percent' | 'fraction' | 'version' | 'compound';

export interface Token {
  /** Lower-case surface form (numbers already canonical). */
  text: string;
  kind: TokenKind;
  /** True when the word was written with a capital letter somewhere but its first character. */
  capitalized: boolean;
  /** The chunk as written, for names shown to people. */
  display?: string;
}

// A chunk is a run of characters that can belong to one token; punctuation at its edges is trimmed.
const CHUNK = /[\p{L}\p{N}$%.,'&/+-]+/gu;
const EDGE_START = /^[^\p{L}\p{N}$]+/u;
const EDGE_END = /[^\p{L}\p{N}%]+$/u;
const NUMERAL = /^(\$)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%|[a-z]{1,2})?$/;
const FRACTION = /^\d+\/\d+$/;
const VERSION = /^v\d+(?:\.\d+)?$/;

/**
 * The tokens of each chunk, which depend on the chunk alone: a corpus repeats the same words
 * millions of times, and the Unicode-aware tests below were the largest cost of a build.
 * Bounded, like the stem cache, so a long-running bot's questions cannot grow it forever.
 * Tokens are shared between calls, so nothing may change a token after it is made.
 */
const chunkTokens = new Map<string, readonly Token[]>();
const CHUNK_CACHE_LIMIT = 200_000;

function tokensOf(chunk: string): readonly Token[] {
  let tokens = chunkTokens.get(chunk);
  if (tokens === undefined) {
    const out: Token[] = [];
    pushChunk(chunk.replace(EDGE_START, '').replace(EDGE_END, ''), out);
    tokens = out;
    if (chunkTokens.size >= CHUNK_CACHE_LIMIT) chunkTokens.clear();
    chunkTokens.set(chunk, tokens);
  }
  return tokens;
}

/** Splits text into tokens, keeping money, percentages, scaled numbers and versions whole. */
export function tokenize(raw: string): Token[] {
  const text = foldTypography(raw);
  const tokens: Token[] = [];
  // match, not matchAll: only the matched text is read, and a match object apiece (index, input,
  // groups) was half a gigabyte of garbage in a 200,000-passage build.
  for (const chunk of text.match(CHUNK) ?? []) {
    for (const token of tokensOf(chunk)) tokens.push(token);
  }
  return mergeScaleWords(tokens);
}

function pushChunk(chunk: string, out: Token[]): void {
  if (!chunk) return;
  const capitalized = /^\p{Lu}/u.test(chunk) || /\p{Ll}\p{Lu}/u.test(chunk);
  const lower = chunk.toLowerCase().replace(/'s$/, '');
  const numeral = NUMERAL.exec(lower);
  if (numeral) {
    out.push(numeralToken(numeral));
    return;
  }
  if (FRACTION.test(lower)) {
    out.push({ text: lower, kind: 'fraction', capitalized: false });
    return;
  }
  if (VERSION.test(lower)) {
    out.push({ text: lower, kind: 'version', capitalized });
    return;
  }
  // "v8-small", "gpt-5", "per-token", "2-3": hyphen and slash compounds split into parts;
  // compounds that mix letters and digits ("gpt-5") are names, so the whole is kept as well.
  // "I/O", "A/B": single letters joined by a slash are one name, written "io" as people type it.
  if (/^\p{L}\/\p{L}$/u.test(lower)) {
    out.push({ text: lower.replace('/', ''), kind: 'word', capitalized });
    return;
  }
  if (/[-/+]/.test(lower)) {
    const parts = lower.split(/[-/+]+/).filter(Boolean);
    if (parts.length > 1) {
      if (/\p{L}/u.test(lower) && /\d/.test(lower) && !parts.some((p) => VERSION.test(p))) {
        out.push({ text: parts.join('-'), kind: 'compound', capitalized });
      }
      for (const part of parts) pushChunk(part, out);
      return;
    }
  }
  // Inner dots and commas that are not numbers ("u.s.", "x.ai") are part of the word; other inner punctuation splits.
  const cleaned = lower.replace(/[,]/g, ' ').replace(/'/g, '');
  for (const piece of cleaned.split(/\s+/)) {
    if (!piece) continue;
    if (/^[\p{L}\p{N}.&]+$/u.test(piece) && /\p{L}/u.test(piece)) {
      out.push({ text: piece.replace(/\.$/, ''), kind: /\d/.test(piece) ? 'compound' : 'word', capitalized, display: chunk });
    } else if (/^\d+$/.test(piece)) {
      out.push({ text: canonicalNumber(piece), kind: 'number', capitalized: false });
    }
  }
}

function numeralToken(m: RegExpExecArray): Token {
  const [, dollar, whole = '', fraction, unit] = m;
  const digits = fraction ? `${whole}.${fraction}` : whole;
  if (unit === '%') return { text: `${canonicalNumber(digits)}%`, kind: 'percent', capitalized: false };
  const suffix = unit ? scaleSuffix(unit) : undefined;
  if (unit === 'x') return { text: `${canonicalNumber(digits)}x`, kind: 'number', capitalized: false };
  const value = canonicalNumber(digits, suffix);
  return { text: dollar ? `$${value}` : value, kind: dollar ? 'money' : 'number', capitalized: false };
}

/** Spelled-out numbers: the words of a count, and the tens a spoken year is made of. */
const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** The value of a word in one of the tables above, when the token is a word there. */
const valueIn = (table: Readonly<Record<string, number>>, token: Token | undefined) => (token?.kind === 'word' ? ownEntry(table, token.text) : undefined);
const numberWord = (token: Token | undefined) => valueIn(UNITS, token) ?? valueIn(TENS, token);

/** The suffix of a scale written as a word ("million"; the "m" of "5 m" is too short to be taken for one). */
const scaleWord = (token: Token | undefined) => (token?.kind === 'word' && token.text.length > 2 ? scaleSuffix(token.text) : undefined);

/** "twenty five", "ninety", "seven": a number below a hundred spelled out at `i`, and how many tokens it takes. */
function belowHundred(tokens: readonly Token[], i: number): { value: number; width: number } | undefined {
  const tens = valueIn(TENS, tokens[i]);
  if (tens !== undefined) {
    const unit = valueIn(UNITS, tokens[i + 1]);
    return unit !== undefined && unit > 0 && unit < 10 ? { value: tens + unit, width: 2 } : { value: tens, width: 1 };
  }
  const unit = valueIn(UNITS, tokens[i]);
  return unit === undefined ? undefined : { value: unit, width: 1 };
}

/**
 * A number spoken or spelled out, as digits, and how many tokens it takes: a count before a scale
 * word ("twenty billion", "one point five trillion", "five hundred fifty five thousand", "half a
 * trillion") or a year said as two pairs ("twenty twenty four"), as dictation writes them. A
 * number word alone ("three times", "the old one") stays a word: the articles write those as words
 * too, and only a figure with a scale or a year is one the question and a passage must both read alike.
 */
function spelledNumber(tokens: readonly Token[], i: number): { digits: string; width: number } | undefined {
  const token = tokens[i]!;
  if (token.text === 'half' && tokens[i + 1]?.text === 'a' && scaleWord(tokens[i + 2])) return { digits: '0.5', width: 2 };
  // Inside a longer number ("…and one million", "one point twenty five") or no count at all ("no one million").
  const before = tokens[i - 1];
  if (token.kind !== 'word' || numberWord(token) === undefined || (before && (numberWord(before) !== undefined || /^(no|and|point)$/.test(before.text)))) return undefined;
  const century = token.text === 'nineteen' || token.text === 'twenty' ? belowHundred(tokens, i + 1) : undefined;
  if (century && century.value >= 10 && !scaleWord(tokens[i + 1 + century.width]) && tokens[i + 1]?.text !== 'hundred') {
    return { digits: String((token.text === 'twenty' ? 2000 : 1900) + century.value), width: 1 + century.width };
  }
  const part = belowHundred(tokens, i);
  if (!part) return undefined;
  let value = part.value;
  let j = i + part.width;
  if (tokens[j]?.text === 'hundred') {
    value *= 100;
    j++;
    const rest = belowHundred(tokens, j);
    if (rest) {
      value += rest.value;
      j += rest.width;
    }
  }
  let digits = String(value);
  if (tokens[j]?.text === 'point') {
    const decimals: number[] = [];
    for (let k = j + 1; k < tokens.length; k++) {
      const d = valueIn(UNITS, tokens[k]);
      if (d === undefined || d > 9) break;
      decimals.push(d);
    }
    if (decimals.length > 0) {
      digits = `${value}.${decimals.join('')}`;
      j += 1 + decimals.length;
    }
  }
  return scaleWord(tokens[j]) ? { digits, width: j - i } : undefined;
}

/** "1.5 trillion" → `1.5t`; "$20 billion" → `$20b`; "40 percent" → `40%`. The scale word stays as its own token. */
function mergeScaleWords(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const spelled = spelledNumber(tokens, i);
    if (spelled) i += spelled.width - 1;
    const token: Token = spelled ? { text: spelled.digits, kind: 'number', capitalized: false } : tokens[i]!;
    const next = tokens[i + 1];
    if ((token.kind === 'number' || token.kind === 'money') && next?.kind === 'word') {
      const suffix = /^\d+(\.\d+)?$/.test(token.text.replace(/^\$/, '').replace(/,/g, '')) ? scaleWord(next) : undefined;
      if (suffix) {
        const dollar = token.kind === 'money' ? '$' : '';
        out.push({ ...token, text: `${dollar}${canonicalNumber(token.text.replace(/^\$/, ''), suffix)}` });
        out.push(next);
        i++;
        continue;
      }
      if (next.text === 'percent') {
        out.push({ text: `${token.text}%`, kind: 'percent', capitalized: false });
        i++;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}
