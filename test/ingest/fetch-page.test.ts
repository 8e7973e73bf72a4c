import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { fetchPage, type FetchLimits } from '../../src/ingest/fetch-page.js';
import { startPageServer } from '../fakes/page-server.js';

const NEWS = readFileSync(resolve(import.meta.dirname, '../fixtures/ingest/news-page.html'), 'utf8');
const LIMITS: FetchLimits = { maxRedirects: 3, timeoutMs: 1_000, maxBytes: 64 * 1024 };

let server: Awaited<ReturnType<typeof startPageServer>>;

beforeAll(async () => {
  server = await startPageServer({
    '/news': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS),
    '/plain': (_, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Grok V9-Medium notes.\n'),
    '/latin1': (_, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])),
    '/meta-charset': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'), Buffer.from([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94]), Buffer.from('</p></body></html>')])),
    '/moved': (_, res) => res.writeHead(301, { location: '/moved-again' }).end(),
    '/moved-again': (_, res) => res.writeHead(302, { location: server.url('/news') }).end(),
    '/loop': (_, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/gone': (_, res) => res.writeHead(410, { 'content-type': 'text/html' }).end('gone'),
    '/pdf': (_, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    '/declared-huge': (_, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) }).end(),
    '/streamed-huge': (_, res) => {
      // No content-length: the cap has to be enforced while reading. Bounded: 20 chunks of 8 KB.
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const more = () => {
        if (sent++ >= 20 || res.destroyed) return void res.end();
        res.write('<p>' + 'x'.repeat(8 * 1024) + '</p>', () => setImmediate(more));
      };
      more();
    },
    '/slow': (_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The first part arrives');
      // The rest never comes; the server's close ends the response.
    },
  });
});
afterAll(() => server.close());

async function failure(url: string): Promise<string> {
  const error = await fetchPage(url, LIMITS).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  expect((error as IngestError).input).toBe(url);
  return (error as IngestError).reason;
}

describe('fetching a URL', () => {
  it('reads an HTML page', async () => {
    const page = await fetchPage(server.url('/news'), LIMITS);
    expect(page).toMatchObject({ kind: 'html', url: server.url('/news') });
    expect(page.body).toBe(NEWS);
  });

  it('reads plain text, decoded in its declared charset', async () => {
    expect(await fetchPage(server.url('/plain'), LIMITS)).toMatchObject({ kind: 'text', body: 'Grok V9-Medium notes.\n' });
    expect((await fetchPage(server.url('/latin1'), LIMITS)).body).toBe('café');
  });

  it('decodes a page without a charset header in the charset its <meta> declares', async () => {
    expect((await fetchPage(server.url('/meta-charset'), LIMITS)).body).toContain('<p>“café”</p>');
  });

  it('follows redirects, relative and absolute, and reports where it ended', async () => {
    const page = await fetchPage(server.url('/moved'), LIMITS);
    expect(page.url).toBe(server.url('/news'));
    expect(page.body).toBe(NEWS);
  });

  it('gives up after the redirect limit', async () => {
    expect(await failure(server.url('/loop'))).toBe('too many redirects (more than 3)');
  });

  it('names the HTTP status', async () => {
    expect(await failure(server.url('/missing'))).toBe('HTTP 404 Not Found');
    expect(await failure(server.url('/gone'))).toBe('HTTP 410 Gone');
  });

  it('refuses what is not HTML or text', async () => {
    expect(await failure(server.url('/pdf'))).toBe('not HTML or plain text (application/pdf)');
  });

  it('refuses a page over the size cap, declared or not', async () => {
    expect(await failure(server.url('/declared-huge'))).toBe('too large (10 MB, the limit is 0.1 MB)');
    expect(await failure(server.url('/streamed-huge'))).toBe('too large (over 0.1 MB)');
  });

  it('times out on a page that never finishes', async () => {
    const started = Date.now();
    expect(await failure(server.url('/slow'))).toBe('timed out after 1 s');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('says when the name does not resolve, or nothing listens', async () => {
    // .invalid is reserved (RFC 6761): the resolver answers NXDOMAIN without any outside network.
    expect(await failure('http://grok-facts-test.invalid/article')).toBe('DNS lookup failed: no address for grok-facts-test.invalid');
    const closed = await startPageServer({});
    const url = closed.url('/x');
    await closed.close();
    expect(await failure(url)).toMatch(/^connection refused by 127\.0\.0\.1:\d+$/);
  });

  it('refuses other schemes and malformed URLs', async () => {
    expect(await failure('ftp://127.0.0.1/a')).toBe('only http and https URLs can be added, not ftp:');
    expect(await failure('http://')).toBe('not a valid URL');
  });
});
