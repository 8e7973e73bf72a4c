/**
 * What a page says about itself: title, publisher, published date and canonical URL, from the
 * JSON-LD NewsArticle first (the most deliberate statement), then og: / article: meta tags, then
 * plain HTML (<title>, <link rel=canonical>, <time datetime>).
 */

export interface PageMetadata {
  title?: string;
  publisher?: string;
  /** YYYY-MM-DD, as sources.json wants it. */
  published?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|TechArticle|Report)$/;

type Json = Record<string, unknown>;

/** The little of a DOM this reads (the project's TypeScript has no DOM library; linkedom provides one at run time). */
export interface DomElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
}
export interface DomDocument {
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (value && typeof value === 'object') {
    const o = value as Json;
    return text(o.name) ?? text(o['@id']) ?? text(o.url);
  }
  return undefined;
}

/** Every object of every JSON-LD block, @graph flattened; a block that is not valid JSON is ignored. */
function jsonLdObjects(document: DomDocument): Json[] {
  const out: Json[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue = asArray(parsed);
    while (queue.length > 0) {
      const item = queue.shift();
      if (!item || typeof item !== 'object') continue;
      const o = item as Json;
      out.push(o);
      queue.push(...asArray(o['@graph']));
    }
  }
  return out;
}

function jsonLdArticle(document: DomDocument): Json | undefined {
  return jsonLdObjects(document).find((o) => asArray(o['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)));
}

function meta(document: DomDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = text(el?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

/** The calendar date as the publisher wrote it ("2026-05-30T08:15:00-07:00" is 30 May), when it is one. */
export function isoDate(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0] ? undefined : match[0];
}

function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "Headline | Site" → "Headline": a <title> often carries the site's name. */
function withoutSiteName(title: string, publisher: string | undefined): string {
  const match = /\s+[|–—-]\s+([^|–—]+)$/.exec(title);
  if (!match) return title;
  const last = match[1]!.trim();
  const isSite = publisher ? last.toLowerCase() === publisher.toLowerCase() : last.split(/\s+/).length <= 3;
  return isSite ? title.slice(0, match.index).trim() : title;
}

export function pageMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const ld = jsonLdArticle(document);
  const publisher = text(ld?.publisher) ?? meta(document, 'og:site_name', 'application-name', 'publisher');
  const documentTitle = text(document.querySelector('title')?.textContent);
  const title = text(ld?.headline) ?? meta(document, 'og:title', 'twitter:title', 'headline') ?? (documentTitle ? withoutSiteName(documentTitle, publisher) : undefined);
  const published = isoDate(
    text(ld?.datePublished) ??
      meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued') ??
      text(document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime')),
  );
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const url = absoluteUrl(text(ld?.url) ?? text(ld?.mainEntityOfPage) ?? canonical ?? meta(document, 'og:url'), pageUrl) ?? absoluteUrl(pageUrl, undefined);
  return { title, publisher, published, url };
}
