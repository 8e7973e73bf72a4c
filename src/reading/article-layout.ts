import type { Article } from '../corpus/schema.js';
import type { KnowledgeIndex } from '../index/index-model.js';

/** A run of an article's text: indexed content or furniture (never indexed), maybe the passage asked for. */
export interface Segment {
  text: string;
  furniture: boolean;
  highlighted: boolean;
}

/** One line of the article, as written. */
export interface Block {
  kind: 'heading' | 'text' | 'furniture';
  segments: Segment[];
}

export interface AlsoIn {
  source: string;
  title: string;
  start: number;
  end: number;
}

export interface ArticleLayout {
  article: Pick<Article, 'source' | 'title' | 'publisher' | 'published' | 'url'>;
  /** The article's first line when it is its headline (shown as the page title), else undefined. */
  headline: string | undefined;
  /** That line laid out like any other, so a citation of the headline itself is highlighted in it. */
  headlineBlock: Block | undefined;
  blocks: Block[];
  /** The requested passage, when it is a valid range of this article. */
  highlight: { start: number; end: number; alsoIn: AlsoIn[] } | undefined;
  /** Set when a passage range was asked for but is not one of this article's. */
  badRange: boolean;
}

/** "?at=120-245": a start and an end offset, both whole numbers. */
export function parseRange(at: string | undefined): { start: number; end: number } | undefined | 'bad' {
  if (at === undefined || at === '') return undefined;
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(at);
  if (!m) return 'bad';
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end ? { start, end } : 'bad';
}

/** Spans of an article that are indexed passages, sorted; the heading spans among them. */
function indexedSpans(index: KnowledgeIndex, source: string): { start: number; end: number; heading: boolean }[] {
  const spans: { start: number; end: number; heading: boolean }[] = [];
  for (const p of index.passages) for (const l of p.locations) if (l.source === source) spans.push({ start: l.start, end: l.end, heading: p.kind === 'heading' });
  return spans.sort((a, b) => a.start - b.start);
}

/** Other articles reporting the passage that best covers [start, end). */
function alsoInFor(index: KnowledgeIndex, source: string, start: number, end: number): AlsoIn[] {
  let best: { overlap: number; passage: KnowledgeIndex['passages'][number] } | undefined;
  for (const p of index.passages) {
    for (const l of p.locations) {
      if (l.source !== source) continue;
      const overlap = Math.min(end, l.end) - Math.max(start, l.start);
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { overlap, passage: p };
    }
  }
  if (!best) return [];
  const seen = new Set([source]);
  const out: AlsoIn[] = [];
  for (const l of best.passage.locations) {
    if (seen.has(l.source)) continue;
    seen.add(l.source);
    out.push({ source: l.source, title: index.articleBySource.get(l.source)?.title ?? l.source, start: l.start, end: l.end });
  }
  return out;
}

/**
 * An article as the citation page shows it: every character of its text, line by line, with
 * what the index left out marked as furniture (shown dimmed, never altered) and the cited
 * passage marked. Undefined when the source is not in the corpus.
 */
export function articleLayout(index: KnowledgeIndex, source: string, at?: string): ArticleLayout | undefined {
  const article = index.articleBySource.get(source);
  if (!article) return undefined;
  const text = article.rawText;
  const range = parseRange(at);
  const highlight = range && range !== 'bad' && range.end <= text.length ? range : undefined;
  const spans = indexedSpans(index, source);

  const blocks: Block[] = [];
  let headline: string | undefined;
  let headlineBlock: Block | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== '') {
      const block = layoutLine(text, lineStart, lineEnd, spans, highlight);
      if (headline === undefined && blocks.length === 0 && article.title.startsWith(line.trim().slice(0, 40))) {
        headline = line.trim();
        headlineBlock = block;
      } else blocks.push(block);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return {
    article: { source: article.source, title: article.title, publisher: article.publisher, published: article.published, url: article.url },
    headline,
    headlineBlock,
    blocks,
    highlight: highlight && { ...highlight, alsoIn: alsoInFor(index, source, highlight.start, highlight.end) },
    badRange: range === 'bad' || (range !== undefined && !highlight),
  };
}

function layoutLine(
  text: string,
  from: number,
  to: number,
  spans: readonly { start: number; end: number; heading: boolean }[],
  highlight: { start: number; end: number } | undefined,
): Block {
  // Cut points: span edges and highlight edges inside the line.
  const cuts = new Set([from, to]);
  const inLine = spans.filter((s) => s.end > from && s.start < to);
  for (const s of inLine) cuts.add(Math.max(from, s.start)).add(Math.min(to, s.end));
  if (highlight) for (const p of [highlight.start, highlight.end]) if (p > from && p < to) cuts.add(p);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = text.slice(a, b);
    const indexed = inLine.some((s) => s.start <= a && s.end >= b);
    // Spaces between two sentences are not furniture, only untouched text outside every passage is.
    const furniture = !indexed && piece.trim() !== '';
    const highlighted = !!highlight && highlight.start <= a && highlight.end >= b;
    const last = segments[segments.length - 1];
    if (last && last.furniture === furniture && last.highlighted === highlighted) last.text += piece;
    else segments.push({ text: piece, furniture, highlighted });
  }
  const kind = segments.every((s) => s.furniture || s.text.trim() === '') ? 'furniture' : inLine.some((s) => s.heading) && inLine.every((s) => s.heading) ? 'heading' : 'text';
  return { kind, segments };
}
