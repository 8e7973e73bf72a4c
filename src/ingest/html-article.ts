import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from './errors.js';
import { pageMetadata, type DomDocument, type DomElement, type PageMetadata } from './html-metadata.js';

export interface ExtractedArticle extends PageMetadata {
  title: string;
  /** The article as plain text: its title, then one paragraph per line, blank lines between. */
  text: string;
}

/** Blocks that hold running text; the innermost of them is one paragraph of the saved text. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, dt, dd, td, th, figcaption';
/** Less than this much prose is not an article: a sign-in form, a landing page, an error page. */
const MIN_ARTICLE_CHARS = 200;

/**
 * Consent banners and modal dialogs are never the story. Readability drops those it recognises
 * by name ("banner", "gdpr"), but a short page's body can carry a bare `<div class="cookie">`
 * into the article, so they go first: by role, by aria-modal, or a class or id word naming
 * cookies or consent ("cookie", "cookie-notice", "gdpr_consent"). Never the page's frame, and
 * never what holds much of its text: `<body class="cookies-not-set">` (a WordPress plugin's) or
 * a dialog wrapping the story is the page, not a banner over it.
 */
const OVERLAY_ROLE = /^(dialog|alertdialog)$/i;
const CONSENT_WORD = /^(?:[a-z0-9]+[-_])*(?:cookies?(?:banner|notice|bar|consent|law|popup)?|consent|gdpr)(?:[-_](?:banner|bar|notice|popup|modal|overlay|dialog|box|wrap|wrapper|container|consent|message|law|info|policy))*$/i;
const FRAME = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
/** An overlay says a sentence or two; more than this share of the page's text is content. */
const OVERLAY_SHARE = 0.2;

type RemovableElement = DomElement & { tagName: string; remove(): void };

function removeOverlays(document: { querySelectorAll(selectors: string): Iterable<RemovableElement>; body?: DomElement | null }): void {
  const limit = OVERLAY_SHARE * collapse(document.body?.textContent).length;
  for (const el of [...document.querySelectorAll('[role], [aria-modal], [class], [id]')]) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
    const overlay = OVERLAY_ROLE.test(el.getAttribute('role') ?? '') || el.getAttribute('aria-modal') === 'true' || words.some((w) => CONSENT_WORD.test(w));
    // Only what looks like an overlay is measured: the subtree queries would otherwise run for every element.
    if (!overlay || FRAME.has(el.tagName.toUpperCase()) || el.querySelector('article, main')) continue;
    if (collapse(el.textContent).length <= limit) el.remove();
  }
}

/**
 * A paragraph of running text: it ends as a sentence does and is more than a label. Scripts written
 * without spaces between words (Japanese, Chinese) are counted in characters, not words.
 */
function isRunningText(paragraph: string): boolean {
  if (!/[.!?…"”)。！？」』）]$/u.test(paragraph)) return false;
  return UNSPACED.test(paragraph) ? Array.from(paragraph).length >= 15 : paragraph.split(' ').length >= 6;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** A character of those scripts says about what three letters of English do. */
const UNSPACED_WEIGHT = 3;

/** How much text the paragraphs hold, in English-letter terms. */
function proseLength(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += UNSPACED.test(p) ? UNSPACED_WEIGHT * Array.from(p).length : p.length + 1;
  return n;
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The innermost text blocks of Readability's article, in reading order. */
function paragraphs(contentHtml: string): string[] {
  const document = parseHTML(`<!DOCTYPE html><html><body>${contentHtml}</body></html>`).document as unknown as DomDocument & { body: DomElement };
  const out: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text = collapse(el.textContent);
    if (text) out.push(text);
  }
  if (out.length === 0) out.push(collapse(document.body.textContent));
  return out.filter(Boolean);
}

/**
 * The article of a saved or fetched web page: Mozilla's Readability (over linkedom's DOM) keeps
 * the story and drops navigation, cookie banners, share bars, comments and related links; the
 * metadata comes from the page itself (see html-metadata.ts).
 */
export function extractArticle(html: string, input: string, pageUrl?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  // Metadata first: Readability takes the document apart as it works.
  const metadata = pageMetadata(document as unknown as DomDocument, pageUrl);
  removeOverlays(document as never);
  const parsed = new Readability(document as never).parse();
  const body = parsed?.content ? paragraphs(parsed.content) : [];
  const prose = body.filter(isRunningText);
  if (proseLength(prose) < MIN_ARTICLE_CHARS) throw new IngestError(input, 'nothing article-like found (no paragraphs of running text)');
  const title = metadata.title ?? (collapse(parsed?.title) || body[0]!);
  const lines = body[0] && body[0].toLowerCase() === title.toLowerCase() ? body.slice(1) : body;
  return {
    ...metadata,
    title,
    publisher: metadata.publisher ?? (collapse(parsed?.siteName) || undefined),
    text: `${[title, ...lines].join('\n\n')}\n`,
  };
}
