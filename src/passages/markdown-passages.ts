import type { Nodes, Parents, PhrasingContent, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Article, SourceMeta } from '../corpus/schema.js';
import { frontMatterOf } from './front-matter.js';
import { classifyLine, isCallToAction, isCaption } from './furniture.js';
import type { PassageKind } from './schema.js';
import { splitSentences } from './split-sentences.js';

/**
 * Markdown articles are read by structure rather than by line, so that what is indexed and shown
 * is the prose and never its markup: headings label what follows them, each table row reads with
 * its header, images are furniture, link text is content and URLs are not. Every passage's
 * `text` stays the exact slice of the raw file at [start, end); `display` is that slice as a
 * person reads it (no `**`, list or `>` markers, no URLs).
 */

export interface MarkdownPassage {
  start: number;
  end: number;
  text: string;
  display: string;
  kind: PassageKind;
  /** The heading the passage stands under, and for a table row its header: what it is about. */
  label?: string;
}

/** GFM for tables; YAML front matter as one `yaml` node, which no passage is read from (see front-matter.ts). */
export function parseMarkdown(raw: string): Root {
  return fromMarkdown(raw, { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] });
}

/** Inline containers whose markers (`**`, `_`, `[…](url)`) belong to a quote that covers their content. */
const WRAPPERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode']);

/** Display text of a run of inline nodes, with the raw offset each display character came from. */
interface Flattened {
  display: string;
  rawAt: number[];
  /** Raw range of each wrapper and the display range of its content. */
  wrappers: { rawStart: number; rawEnd: number; from: number; to: number }[];
}

function offsets(node: Nodes): [number, number] {
  return [node.position!.start.offset!, node.position!.end.offset!];
}

/**
 * A text node's value can differ from its raw slice (escapes, entities, `>` or indentation on
 * continuation lines). Each value character is matched to the next equal raw character, so the
 * offsets of what a person reads always point at those characters in the file.
 */
function appendText(value: string, rawStart: number, rawEnd: number, raw: string, out: Flattened): void {
  let j = rawStart;
  for (const ch of value) {
    const found = raw.indexOf(ch, j);
    const at = found === -1 || found + ch.length > rawEnd ? Math.min(j, rawEnd - ch.length) : found;
    for (let k = 0; k < ch.length; k++) {
      out.display += /\s/.test(ch) ? ' ' : ch[k];
      out.rawAt.push(at + k);
    }
    j = at + ch.length;
  }
}

function flatten(nodes: readonly PhrasingContent[], raw: string, out: Flattened = { display: '', rawAt: [], wrappers: [] }): Flattened {
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') {
      const [start, end] = offsets(node);
      const valueStart = node.type === 'inlineCode' ? raw.indexOf(node.value, start) : start;
      const from = out.display.length;
      appendText(node.value, valueStart === -1 ? start : valueStart, end, raw, out);
      if (node.type === 'inlineCode') out.wrappers.push({ rawStart: start, rawEnd: end, from, to: out.display.length });
    } else if (node.type === 'break') {
      out.display += ' ';
      out.rawAt.push(offsets(node)[0]);
    } else if (WRAPPERS.has(node.type) && 'children' in node) {
      const from = out.display.length;
      flatten(node.children as PhrasingContent[], raw, out);
      const [rawStart, rawEnd] = offsets(node);
      out.wrappers.push({ rawStart, rawEnd, from, to: out.display.length });
    }
    // Images, inline HTML and footnote references are furniture: nothing of them is read.
  }
  return out;
}

function plainText(nodes: readonly PhrasingContent[], raw: string): string {
  return flatten(nodes, raw).display.replace(/\s+/g, ' ').trim();
}

/** The raw span of display[from, to), widened to whole wrappers it covers, so `**x**` is quoted with both markers. */
function rawSpan(flat: Flattened, from: number, to: number): [number, number] {
  let start = flat.rawAt[from]!;
  let end = flat.rawAt[to - 1]! + 1;
  let widened = true;
  while (widened) {
    widened = false;
    for (const w of flat.wrappers) {
      const covered = w.from >= from && w.to <= to && w.to > w.from;
      if (covered && (w.rawStart < start || w.rawEnd > end)) {
        start = Math.min(start, w.rawStart);
        end = Math.max(end, w.rawEnd);
        widened = true;
      }
    }
  }
  return [start, end];
}

const LABEL = /^[\p{L}][\p{L}\p{N} '’&/()-]{1,40}:\s+\S/u;

function pushSentences(nodes: readonly PhrasingContent[], raw: string, label: string | undefined, out: MarkdownPassage[]): void {
  const flat = flatten(nodes, raw);
  const whole = flat.display.trim();
  if (!/\p{L}/u.test(whole) || classifyLine(whole) === 'furniture') return;
  splitSentences(flat.display).forEach((span, i) => {
    const display = flat.display.slice(span.start, span.end).replace(/\s+/g, ' ');
    if (isCaption(display) || isCallToAction(display) || !/\p{L}/u.test(display)) return;
    const [start, end] = rawSpan(flat, span.start, span.end);
    out.push({ start, end, text: raw.slice(start, end), display, kind: i === 0 && LABEL.test(display) ? 'label' : 'sentence', label });
  });
}

/**
 * A row reads with its header: "Mirror diameter: 6.5 m". A two-column table is a list of
 * names and values (its header, "Property | Value", is the label); a wider one pairs each cell
 * with its column ("Model: Grok V9 Medium; Parameters: 1.5T").
 */
function pushTableRows(table: Table, raw: string, label: string | undefined, out: MarkdownPassage[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = header.children.map((cell) => plainText(cell.children, raw));
  const rowLabel = [label, columns.join(', ')].filter(Boolean).join(' — ');
  for (const row of rows) {
    const cells = row.children.map((cell) => plainText(cell.children, raw));
    const display =
      columns.length === 2
        ? cells.filter(Boolean).join(': ')
        : cells.flatMap((cell, i) => (cell ? [columns[i] ? `${columns[i]}: ${cell}` : cell] : [])).join('; ');
    if (!/\p{L}|\p{N}/u.test(display)) continue;
    const [start, end] = offsets(row);
    out.push({ start, end, text: raw.slice(start, end), display, kind: 'label', label: rowLabel });
  }
}

function walk(parent: Parents, raw: string, out: MarkdownPassage[], state: { label?: string; depth: number }): void {
  for (const node of parent.children) {
    switch (node.type) {
      case 'heading': {
        const display = plainText(node.children, raw);
        if (!display) break;
        const first = node.children.find((c) => c.type !== 'image');
        const last = [...node.children].reverse().find((c) => c.type !== 'image');
        const [start] = offsets(first!);
        const [, end] = offsets(last!);
        out.push({ start, end, text: raw.slice(start, end), display, kind: 'heading', label: state.depth < node.depth ? state.label : undefined });
        state.label = display;
        state.depth = node.depth;
        break;
      }
      case 'paragraph':
        pushSentences(node.children, raw, state.label, out);
        break;
      case 'table':
        pushTableRows(node, raw, state.label, out);
        break;
      case 'blockquote':
      case 'list':
      case 'listItem':
        walk(node, raw, out, state);
        break;
      // Code, HTML, rules and link definitions are not prose.
      default:
        break;
    }
  }
}

/** Passages of one Markdown article in reading order, each with exact raw offsets. */
export function markdownPassages(raw: string): MarkdownPassage[] {
  const out: MarkdownPassage[] = [];
  walk(parseMarkdown(raw), raw, out, { depth: 0 });
  return out;
}

function firstHeading(tree: Root, raw: string): string | undefined {
  const heading = tree.children.find((n) => n.type === 'heading');
  return heading && heading.type === 'heading' ? plainText(heading.children, raw) || undefined : undefined;
}

/** The article's title: its first heading, as read (no `#`, no markup). */
export function markdownTitle(raw: string): string | undefined {
  return firstHeading(parseMarkdown(raw), raw);
}

/**
 * What a Markdown article says about itself, from one parse: its front matter's fields, with
 * the first heading as the title where the front matter gives none.
 */
export function markdownMetadata(raw: string): Partial<SourceMeta> {
  const tree = parseMarkdown(raw);
  const meta = frontMatterOf(tree);
  const title = meta.title ?? firstHeading(tree, raw);
  return title ? { ...meta, title } : meta;
}

/**
 * The text a heading-less Markdown file is titled from: its passages as people read them, so a
 * title never shows `**`, `- ` or `[text](url)`. The caller shortens it like any first line.
 */
export function markdownTitleText(raw: string): string {
  return markdownPassages(raw).map((p) => p.display).join('\n');
}

export function isMarkdown(article: Pick<Article, 'file'>): boolean {
  return /\.md$/i.test(article.file);
}
