import { foldTypography } from '../text/fold.js';

/**
 * Page furniture: the parts of a saved web page that are not the article. Each rule describes a
 * kind of line (counters, bylines, calls to action, captions), never a particular string, so
 * furniture from articles added later is caught too.
 */

const WORD = /\p{L}[\p{L}\p{N}'-]*/gu;
const BYLINE_SEPARATOR = /\s[·•|]\s/;
const TERMINAL = /[.!?…"')\]]$/u;

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Counters, dates and view counts alone on a line, one-to-three-word labels ("Comments", "Loading comments..."). */
function isTooShortToBeContent(line: string): boolean {
  return countWords(line) <= 3;
}

/** "Global Outpost · May 25, 2026 · Technical Retrospective": a byline or breadcrumb of short segments. */
function isByline(line: string): boolean {
  const segments = line.split(BYLINE_SEPARATOR);
  return segments.length >= 2 && segments.every((s) => countWords(s) <= 6 && !/[.!?]\s/.test(s));
}

const CALL_TO_ACTION_START =
  /^(use|subscribe|sign (up|in)|log ?in|click|tap|share|follow|download|join|register|read (more|the full)|learn more|try|get started|sponsored|advertisement|promoted)\b/i;
const ADDRESSES_READER = /\b(you|your|this (topic|article|page|story|post)|newsletter|our app|link|below|citations?)\b/i;

/** Promotional blurbs: an imperative addressed to the reader about the page itself. */
export function isCallToAction(sentence: string): boolean {
  const text = foldTypography(sentence).trim();
  return CALL_TO_ACTION_START.test(text) && ADDRESSES_READER.test(text);
}

const CAPTION_START =
  /^(the |this |an? )?(image|photo|photograph|picture|illustration|figure|graphic|chart|screenshot|video)s?\b[^.]{0,60}\b(shows?|depicts?|illustrates?|captures?|displays?|above|below)\b/i;
const CAPTION_LABEL = /^(image|photo|picture|figure|fig\.?|credit|caption|source)\s*\d*\s*[:|]/i;

/** Image captions and credits, which sit inside paragraphs as well as on their own lines. */
export function isCaption(sentence: string): boolean {
  const text = foldTypography(sentence).trim();
  return CAPTION_START.test(text) || CAPTION_LABEL.test(text);
}

export type LineRole = 'furniture' | 'heading' | 'text';

/** Decides what one trimmed line of an article is. Repetition across articles is judged separately. */
export function classifyLine(line: string): LineRole {
  const text = foldTypography(line).trim();
  if (!/\p{L}/u.test(text)) return 'furniture';
  if (isTooShortToBeContent(text) || isByline(text) || isCallToAction(text) || isCaption(text)) return 'furniture';
  if (!TERMINAL.test(text) && countWords(text) <= 20 && !/[.!?]\s/.test(text)) return 'heading';
  return 'text';
}

/** Whether a text has at most `limit` words: stops counting past it, since most lines are whole paragraphs. */
function hasAtMostWords(text: string, limit: number): boolean {
  const word = new RegExp(WORD.source, 'gu');
  for (let n = 0; word.exec(text) !== null; ) if (++n > limit) return false;
  return true;
}

const SHORT_LINE_WORDS = 12;

/** An article's distinct short lines, folded as boilerplate is compared: what a site may repeat on every page. */
export function shortLinesOf(article: { rawText: string }): Set<string> {
  const lines = new Set<string>();
  for (const raw of article.rawText.split(/\r?\n/)) {
    const line = foldTypography(raw).trim();
    if (line && hasAtMostWords(line, SHORT_LINE_WORDS)) lines.add(line.toLowerCase());
  }
  return lines;
}

/**
 * How many articles hold each short line (see shortLinesOf). Copies of one file count once: a
 * short article saved twice would otherwise make every line of both site furniture, and lose it.
 */
export function countShortLines(articles: readonly { rawText: string }[], into = new Map<string, number>()): Map<string, number> {
  for (const rawText of new Set(articles.map((a) => a.rawText))) for (const line of shortLinesOf({ rawText })) into.set(line, (into.get(line) ?? 0) + 1);
  return into;
}

/**
 * Short lines that stand in two or more articles are the site's own text (a brand line, a
 * newsletter box), not reporting. Long repeated lines are kept: those are quotes, and the
 * duplicate collapse turns them into one passage reported by several sources.
 */
export function findBoilerplateLines(articles: readonly { rawText: string }[]): Set<string> {
  return new Set([...countShortLines(articles)].filter(([, n]) => n >= 2).map(([line]) => line));
}
