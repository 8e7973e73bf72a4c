import porter2 from 'wink-porter2-stemmer';
import { PHRASE_ALIASES, STEM_EXCEPTIONS, SYNONYM_GROUPS } from './synonyms.js';
import { STOP_WORDS } from './stop-words.js';
import { synonymFolder } from './synonym-folder.js';
import { ownEntry } from './own-entry.js';
import { tokenize, type Token } from './tokenize.js';

/** One index or query term, with what the answer engine needs to know about where it came from. */
export interface Term {
  term: string;
  /** The word as written (lower case), before stemming and synonyms. */
  surface: string;
  /** The word with its original capitals. */
  display: string;
  kind: Token['kind'];
  capitalized: boolean;
  /** Position in the token stream, for proximity. */
  position: number;
}

const stemCache = new Map<string, string>();
/** Questions bring words of every kind; a bound keeps a long-running bot's cache from growing forever. */
const STEM_CACHE_LIMIT = 200_000;

function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porter2(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * One string per distinct word: a corpus writes the same words millions of times, and each
 * tokenised copy would otherwise be kept by the index on its own.
 */
const interned = new Map<string, string>();
export function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= STEM_CACHE_LIMIT) interned.clear();
  interned.set(text, text);
  return text;
}

// Synonyms are folded after stemming, so "launching" and "launched" reach the group through "launch".
const foldedHead = synonymFolder(SYNONYM_GROUPS, stem);

const PHRASES_BY_FIRST = new Map<string, typeof PHRASE_ALIASES[number][]>();
for (const alias of PHRASE_ALIASES) {
  const first = alias.from[0]!;
  PHRASES_BY_FIRST.set(first, [...(PHRASES_BY_FIRST.get(first) ?? []), alias]);
}

function applyPhraseAliases(tokens: Token[]): Token[] {
  // Most texts hold no phrase an alias starts with: they are returned as they are, not copied.
  if (!tokens.some((token) => PHRASES_BY_FIRST.has(token.text))) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const alias = PHRASES_BY_FIRST.get(token.text)?.find((a) => a.from.every((w, k) => tokens[i + k]?.text === w));
    if (!alias) {
      out.push(token);
      continue;
    }
    for (const word of alias.to) {
      // An expansion ("rl" → reinforcement learning) is not evidence that those words are names.
      const capitalized = alias.to.length === 1 && token.capitalized;
      out.push({ text: word, kind: /^v\d/.test(word) ? 'version' : 'word', capitalized });
    }
    i += alias.from.length - 1;
  }
  return out;
}

const normalized = new Map<string, string>();

/**
 * The index form of one word: stemmed and folded to its synonym group. Kept per word, bounded as
 * the stem cache is: the exceptions, the two folds and the stem were eight lookups a word, and a
 * large build reads five million words.
 */
export function normalizeWord(word: string): string {
  let form = normalized.get(word);
  if (form === undefined) {
    form = ownEntry(STEM_EXCEPTIONS, word) ?? foldedHead(word) ?? foldedHead(stem(word)) ?? stem(word);
    if (normalized.size >= STEM_CACHE_LIMIT) normalized.clear();
    normalized.set(word, form);
  }
  return form;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Text → terms, identical for passages and questions so both sides meet in the same vocabulary. */
/** Reference markers such as "[17, 21, 27]" point at footnotes; they are not figures in the story. */
const REFERENCE_MARKER = /\[\d+(?:\s*[,–-]\s*\d+)*\]/g;

export function analyze(text: string): Term[] {
  const terms: Term[] = [];
  applyPhraseAliases(tokenize(text.replace(REFERENCE_MARKER, ' '))).forEach((token, position) => {
    if (token.kind === 'word') {
      if (STOP_WORDS.has(token.text) || (token.text.length < 2 && token.text !== 'x')) return;
      const surface = intern(token.text);
      terms.push({ term: normalizeWord(token.text), surface, display: token.display === undefined ? surface : intern(token.display), kind: 'word', capitalized: token.capitalized, position });
    } else {
      // Chat shorthand written with a digit ("eli5") is filler as its spelt-out words would be.
      if (token.kind === 'compound' && STOP_WORDS.has(token.text)) return;
      const surface = intern(token.text);
      terms.push({ term: surface, surface, display: token.display === undefined ? surface : intern(token.display), kind: token.kind, capitalized: token.capitalized, position });
      // "$12.5 billion" is also "12.5 billion" to someone who leaves out the dollar sign.
      if (token.kind === 'money') {
        const bare = token.text.slice(1);
        terms.push({ term: bare, surface: bare, display: bare, kind: 'number', capitalized: false, position });
      }
    }
  });
  return terms;
}

export function analyzeToStrings(text: string): string[] {
  return analyze(text).map((t) => t.term);
}
