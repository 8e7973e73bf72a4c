import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { seedEngine } from '../helpers/engine.js';
import { startWebFixture, type WebFixture } from '../helpers/web.js';
import { sourcePath } from '../../adapters/shared/citation-link.js';
import { articleLayout } from '../../src/reading/article-layout.js';

/** A raw GET, path sent exactly as written (fetch would normalize ../ away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('citation pages', () => {
  let web: WebFixture;
  beforeAll(async () => {
    web = await startWebFixture(await seedEngine(), { publicUrl: 'http://127.0.0.1' });
  });
  afterAll(() => web.close());

  it('lists every article with its passage count, with CSP and nosniff', async () => {
    const res = await fetch(`${web.base}/sources`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await res.text();
    for (const s of web.core.engine.sources()) {
      expect(body).toContain(`href="${sourcePath(s.source)}"`);
      expect(body).toContain(`${s.passages} passages`);
    }
    expect(body).not.toMatch(/<script/i);
  });

  it('highlights the cited passage of a real answer, and links the other articles reporting it', async () => {
    const answer = web.core.ask('How many parameters does Grok V9 Medium have?', { platform: 'console', workspace: 'test' });
    const c = answer.citations.find((x) => x.alsoIn.length > 0) ?? answer.citations[0]!;
    const body = await (await fetch(`${web.base}${sourcePath(c.source, c)}`)).text();
    const mark = /<mark id="passage" class="first">([\s\S]*?)<\/mark>/.exec(body);
    expect(mark?.[1]?.replace(/<[^>]+>/g, '')).toBe(c.quote.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    for (const other of c.alsoIn) expect(body).toContain(`href="${sourcePath(other.source, other)}"`);
  });

  it.each([0, 2])('keeps every character of article %i, furniture dimmed rather than dropped', async (i) => {
    const article = web.core.engine.index.articles[i]!;
    const body = await (await fetch(`${web.base}${sourcePath(article.source)}`)).text();
    // The headline is the article's first line when it has one; otherwise it comes from sources.json.
    const headlineIsText = articleLayout(web.core.engine.index, article.source)!.headline !== undefined;
    const text = body
      .slice(body.indexOf('<article>'), body.indexOf('</article>'))
      .replace(headlineIsText ? /^$/ : /<h1>[\s\S]*?<\/h1>/, '')
      .replace(/<p class="meta">[\s\S]*?<\/p>/, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(text)).toBe(squash(article.rawText));
    expect(body).toContain('class="furniture"');
  });

  it('says so when the passage range is not the article’s, and still shows it', async () => {
    const article = web.core.engine.index.articles[0]!;
    const res = await fetch(`${web.base}/sources/${article.source}?at=999999-1000000`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('That passage range is not part of this article');
    expect(await (await fetch(`${web.base}/sources/${article.source}?at=abc`)).text()).toContain('not part of this article');
  });

  it('is a 404 for a source not in the corpus, and for ../ in any form', async () => {
    expect((await fetch(`${web.base}/sources/no-such-article`)).status).toBe(404);
    for (const path of ['/sources/..%2F..%2Fpackage.json', '/sources/../package.json', '/sources/%2e%2e%2fpackage.json', '/sources/..', '/sources/../../etc/passwd', '/static/../package.json']) {
      const res = await rawGet(web.base, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('"name": "grok-facts"');
    }
  });

  it('lists files a reload left out, and why, as text', async () => {
    web.corpus.recordReload({ articles: 5, passages: 156, from: 'built', skipped: [{ file: 'broken<b>.txt', reason: 'not valid UTF-8' }] });
    const body = await (await fetch(`${web.base}/sources`)).text();
    expect(body).toContain('<code>broken&lt;b&gt;.txt</code>: not valid UTF-8');
    web.corpus.recordReload({ articles: 5, passages: 156, from: 'built', skipped: [] });
  });

  it('answers HEAD for every page it serves', async () => {
    const article = web.core.engine.index.articles[0]!;
    for (const path of ['/sources', `/sources/${article.source}`, '/static/site.css']) expect((await fetch(`${web.base}${path}`, { method: 'HEAD' })).status, path).toBe(200);
    expect((await fetch(`${web.base}/sources/nope`, { method: 'HEAD' })).status).toBe(404);
  });

  it('answers nothing it does not know with a 404 page, and /admin is a 404 without ADMIN_TOKEN', async () => {
    expect((await fetch(`${web.base}/nope`)).status).toBe(404);
    expect((await fetch(`${web.base}/admin`)).status).toBe(404);
    expect((await fetch(`${web.base}/admin/login`, { method: 'POST', body: 'token=x' })).status).toBe(404);
  });
});

describe('an article containing markup', () => {
  let web: WebFixture;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-xss-'));
    writeFileSync(
      join(dir, 'evil.txt'),
      'Grok V9 Medium <script>window.pwned = 1</script> launch notes\n\nThe model has <img src=x onerror="window.pwned=2"> 1.5 trillion parameters, according to the announcement made on Monday.\n',
    );
    web = await startWebFixture(await createEngine({ corpusDir: dir }));
  });
  afterAll(() => web.close());

  it('shows it as text', async () => {
    const body = await (await fetch(`${web.base}/sources/evil`)).text();
    expect(body).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;');
    expect(body).not.toMatch(/<script|<img/i);
  });
});

describe('a citation of an article’s first line, which the page shows as its title', () => {
  let web: WebFixture;
  const headline = 'Colossus 2 draws 1.2 gigawatts at full load, filings show.';
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-headline-'));
    writeFileSync(join(dir, 'grid.txt'), `${headline}\n\nThe site uses 168 Tesla Megapacks for backup, the operator said on Monday.\n`);
    web = await startWebFixture(await createEngine({ corpusDir: dir }));
  });
  afterAll(() => web.close());

  it('highlights it in the title, so "Go to the cited passage" has somewhere to go', async () => {
    const body = await (await fetch(`${web.base}/sources/grid?at=0-${headline.length}`)).text();
    expect(body).toContain(`<h1><mark id="passage" class="first">${headline}</mark></h1>`);
    expect(body).toContain('href="#passage"');
    // Uncited, the title is plain.
    expect(await (await fetch(`${web.base}/sources/grid`)).text()).toContain(`<h1>${headline}</h1>`);
  });
});
