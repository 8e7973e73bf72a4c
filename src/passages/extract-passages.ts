import type { Article } from '../corpus/schema.js';
import { foldTypography } from '../text/fold.js';
import { classifyLine, findBoilerplateLines, isCallToAction, isCaption } from './furniture.js';
import { isMarkdown, markdownPassages } from './markdown-passages.js';
import type { Location, PassageKind } from './schema.js';
import { splitSentences } from './split-sentences.js';

/** A sentence or line before duplicates are collapsed. */
export interface RawPassage extends Location {
  kind: PassageKind;
  /** Order of the article in the corpus, then position: decides which duplicate is quoted. */
  order: number;
  /** A Markdown heading (and a table's header) the passage stands under: read as its context. */
  label?: string;
}

const LABEL = /^[-•*]?\s*[\p{L}][\p{L}\p{N} '’&/()-]{1,40}:\s+\S/u;

/** The article's own headline, which restates the story in hype rather than reporting it. */
function isHeadline(line: string, title: string): boolean {
  return line.length > 0 && (line.startsWith(title) || title.startsWith(line));
}

/**
 * Every line of every article, classified; content lines split into sentences with exact offsets.
 * An incremental add (add-articles.ts) passes the boilerplate judged over the whole corpus, and
 * numbers its articles after those already indexed.
 */
export function extractPassages(articles: readonly Article[], boilerplate: ReadonlySet<string> = findBoilerplateLines(articles), firstArticle = 0): RawPassage[] {
  const out: RawPassage[] = [];
  articles.forEach((article, position) => {
    const articleIndex = firstArticle + position;
    if (isMarkdown(article)) {
      // Markdown is read by its structure (see markdown-passages.ts), not line by line.
      for (const { display, ...p } of markdownPassages(article.rawText)) {
        out.push({ ...p, ...(display === p.text ? {} : { display }), source: article.source, order: articleIndex * 1e9 + p.start });
      }
      return;
    }
    const text = article.rawText;
    const title = foldTypography(article.title).trim().toLowerCase();
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const folded = foldTypography(line).trim().toLowerCase();
      const role = boilerplate.has(folded) ? 'furniture' : isHeadline(folded, title) ? 'heading' : classifyLine(line);
      if (role !== 'furniture') {
        const kind: PassageKind = role === 'heading' ? 'heading' : 'sentence';
        const spans = splitSentences(text, lineStart, lineEnd);
        spans.forEach((span, i) => {
          const sentence = text.slice(span.start, span.end);
          if (isCaption(sentence) || isCallToAction(sentence) || !/\p{L}/u.test(sentence)) return;
          const isLabel = i === 0 && LABEL.test(sentence);
          out.push({
            source: article.source,
            start: span.start,
            end: span.end,
            text: sentence,
            kind: isLabel ? 'label' : kind,
            order: articleIndex * 1e9 + span.start,
          });
        });
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
  });
  return out;
}
