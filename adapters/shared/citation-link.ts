/** The path of an article's page, with the cited passage highlighted and scrolled to when given. */
export function sourcePath(source: string, span?: { start: number; end: number }): string {
  const base = `/sources/${encodeURIComponent(source)}`;
  return span ? `${base}?at=${span.start}-${span.end}#passage` : base;
}

/**
 * Where a citation opens in its article on the bot's own web pages; undefined without
 * PUBLIC_URL, so chat messages stay as they are when no pages are served.
 */
export function citationUrl(publicUrl: string | undefined, citation: { source: string; start: number; end: number }): string | undefined {
  if (!publicUrl) return undefined;
  return publicUrl.replace(/\/+$/, '') + sourcePath(citation.source, citation);
}

export type CitationLinker = (citation: { source: string; start: number; end: number }) => string | undefined;

export function citationLinker(publicUrl: string | undefined): CitationLinker {
  return (citation) => citationUrl(publicUrl, citation);
}
