import { decodePage, headerCharset } from './decode-page.js';
import { describeSize } from './size-limits.js';
import { IngestError } from './errors.js';

export interface FetchLimits {
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** For the whole exchange: connecting, every redirect and reading the body. */
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxRedirects: 5, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 };

export interface FetchedPage {
  /** Where the page was finally read from, after redirects. */
  url: string;
  kind: 'html' | 'text';
  body: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** A failed fetch in one reason a person understands; Node reports most of them as "fetch failed" with a cause. */
function networkReason(error: unknown, host: string, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const code = e.cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') return `DNS lookup failed: no address for ${host}`;
  if (code === 'ECONNREFUSED') return `connection refused by ${host}`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection to ${host} was closed`;
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return `TLS error (${code})`;
  return `cannot be fetched (${code || e.cause?.message || e.message || 'network error'})`;
}

async function readCapped(response: Response, input: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new IngestError(input, `too large (${describeSize(declared)}, the limit is ${describeSize(maxBytes)})`);
  // The declared length can be absent or wrong, so the body is counted as it arrives.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new IngestError(input, `too large (over ${describeSize(maxBytes)})`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}


/**
 * Reads a web page with Node's own fetch: redirects followed by hand so they can be counted,
 * one deadline for everything, a size cap enforced while reading, and only HTML or plain text.
 * Every failure is an IngestError naming the URL and the reason.
 */
export async function fetchPage(input: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new IngestError(input, 'not a valid URL');
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError(input, `only http and https URLs can be added, not ${url.protocol}`);
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html, text/plain;q=0.9', 'user-agent': 'grok-facts (article import)' } });
    } catch (error) {
      throw new IngestError(input, networkReason(error, url.host, limits.timeoutMs));
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= limits.maxRedirects) throw new IngestError(input, `too many redirects (more than ${limits.maxRedirects})`);
      url = new URL(response.headers.get('location')!, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new IngestError(input, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (!HTML_TYPES.has(mediaType) && mediaType !== 'text/plain') {
      await response.body?.cancel().catch(() => undefined);
      throw new IngestError(input, `not HTML or plain text (${mediaType || 'no content type'})`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, input, limits.maxBytes);
    } catch (error) {
      if (error instanceof IngestError) throw error;
      throw new IngestError(input, networkReason(error, url.host, limits.timeoutMs));
    }
    return { url: url.href, kind: mediaType === 'text/plain' ? 'text' : 'html', body: mediaType === 'text/plain' ? decodePage(bytes, headerCharset(contentType) ?? 'utf-8') : decodePage(bytes, headerCharset(contentType)) };
  }
}
