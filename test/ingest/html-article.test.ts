import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.js';
import { extractArticle } from '../../src/ingest/html-article.js';
import { isoDate } from '../../src/ingest/html-metadata.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/ingest');
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8');

describe('a saved news page', async () => {
  const article = extractArticle(await fixture('news-page.html'), 'news-page.html');

  it('takes its metadata from JSON-LD and og:/article: tags', () => {
    expect(article.title).toBe('Colossus 2 comes online to train Grok V9 successors');
    expect(article.publisher).toBe('Circuit Ledger');
    expect(article.published).toBe('2026-05-30');
    expect(article.url).toBe('https://circuitledger.example/2026/05/30/colossus-2-online');
  });

  it('keeps the story, one paragraph per line, headline first', () => {
    const lines = article.text.split('\n').filter(Boolean);
    expect(lines[0]).toBe(article.title);
    expect(lines).toContain('The first phase of Colossus 2 draws about 1.2 gigawatts of power at full load, roughly twice the demand of the original Colossus cluster, a company filing shows.');
    expect(lines).toContain('"Colossus 2 is where the next generation learns," Musk wrote in a post on X.');
    expect(lines.at(-1)).toBe('Local groups have raised concerns about water use. xAI says a recycling plant built beside the site will supply 13 million gallons of cooling water a day.');
    expect(lines).toHaveLength(8);
  });

  it('leaves out navigation, cookie banner, share buttons, comments, related links and footer', () => {
    for (const furniture of ['cookies', 'Subscribe', 'Policy and Regulation', 'Share on', 'Tweet', 'Copy link', 'comments', 'techfan88', 'turbines', 'Related stories', 'Nvidia beats', 'Memphis council', 'All rights reserved', 'Privacy', 'Photo:', 'server racks']) {
      expect(article.text, furniture).not.toContain(furniture);
    }
  });
});

describe('a page with only <title>', async () => {
  const article = extractArticle(await fixture('title-only.html'), 'title-only.html');

  it('is titled by <title> and states no publisher, date or URL', () => {
    expect(article).toMatchObject({ title: 'Grok V9-Medium waitlist opens for developers', publisher: undefined, published: undefined, url: undefined });
    expect(article.text.split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('takes the fetched URL as its URL when the page names none', () => {
    expect(extractArticle('<html><head><title>T</title></head><body><p>' + 'A sentence of running text here. '.repeat(10) + '</p></body></html>', 'x', 'https://news.example/a?b=1').url).toBe('https://news.example/a?b=1');
  });
});

describe('a short page whose banner carries no name Readability knows', () => {
  it('leaves out a bare <div class="cookie"> and a role="dialog" pop-up, keeping every paragraph of the story', async () => {
    const article = extractArticle(await fixture('short-page-bare-banner.html'), 'short-page-bare-banner.html');
    expect(article.text).not.toMatch(/cookies|briefing in your inbox/);
    expect(article.text.split('\n').filter(Boolean)).toEqual([
      'Colossus expands in Memphis',
      expect.stringMatching(/^xAI said on Friday that the Colossus cluster in Memphis will add another 200,000 GPUs/),
      expect.stringMatching(/^The expansion will need a new substation/),
      expect.stringMatching(/^The company did not say how much the expansion would cost/),
    ]);
  });
});

describe('a page whose frame is named for cookies or consent', () => {
  const story = ['xAI said on Friday that the Colossus cluster in Memphis will add another 200,000 GPUs by the end of the year.', 'The expansion will need a new substation, and local officials said the permit review would take about three months.', 'The company did not say how much the expansion would cost, but analysts estimate it at several billion dollars.'];
  const page = (html: string, body: string, wrap: (inner: string) => string) =>
    `<!doctype html><html${html}><head><title>Colossus expands</title></head><body${body}>${wrap(`<article><h1>Colossus expands</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article>`)}</body></html>`;

  it.each([
    ['<body class="single cookies-not-set"> (a WordPress cookie plugin)', page('', ' class="single cookies-not-set"', (x) => x)],
    ['<html class="js cookie-banner-open">', page(' class="js cookie-banner-open"', '', (x) => x)],
    ['a wrapper div#page.has-gdpr-bar', page('', '', (x) => `<div id="page" class="has-gdpr-bar">${x}</div>`)],
    ['<article id="story-consent-decree">', page('', '', (x) => x.replace('<article>', '<article id="story-consent-decree">'))],
    ['a role="dialog" wrapping the story', page('', '', (x) => `<div role="dialog">${x}</div>`)],
  ])('keeps the story under %s', (_name, html) => {
    const article = extractArticle(html, 'page.html');
    for (const p of story) expect(article.text).toContain(p);
  });
});

describe('a page in a language written without spaces', () => {
  it('is an article when its paragraphs are sentences, counted in characters', () => {
    const paragraphs = ['xAIは5月25日、Grok V9-Mediumの基礎学習が完了したと発表した。', 'パラメータ数は1.5兆で、前世代のV8 Smallの3倍に当たる。', '一般公開は2〜3週間後の見込みで、6月中旬の正式リリースが有力だという。', '学習にはCursorのプログラミングデータが使われた。'];
    const html = `<html lang="ja"><head><title>Grok V9-Medium、学習完了</title></head><body><article><h1>Grok V9-Medium、学習完了</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const article = extractArticle(html, 'ja.html');
    for (const p of paragraphs) expect(article.text).toContain(p);
  });
});

describe('a page with no article', () => {
  it('is refused with the reason, naming the input', async () => {
    const html = await fixture('no-article.html');
    const error = (() => {
      try {
        extractArticle(html, 'no-article.html');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toBe('no-article.html: nothing article-like found (no paragraphs of running text)');
  });
});

describe('metadata fallbacks', () => {
  it('read <time datetime>, a <title> without the site name, and a relative canonical link', () => {
    const html = `<html><head><title>Grok V9 ships to developers | Byte Post</title><link rel="canonical" href="/2026/06/grok"></head>
      <body><article><h1>Grok V9 ships</h1><time datetime="2026-06-09T18:00:00-07:00">June 9</time>
      <p>${'xAI made Grok V9-Medium available to developers through its API on Tuesday. '.repeat(5)}</p></article></body></html>`;
    const article = extractArticle(html, 'page.html', 'https://bytepost.example/feed/item');
    expect(article.title).toBe('Grok V9 ships to developers');
    expect(article.published).toBe('2026-06-09');
    expect(article.url).toBe('https://bytepost.example/2026/06/grok');
  });

  it('ignore a JSON-LD block that is not valid JSON, and a date that is not a date', () => {
    const html = `<html><head><script type="application/ld+json">{ not json</script><meta property="og:title" content="From og"><meta property="article:published_time" content="2026-02-30"></head>
      <body><p>${'A sentence long enough to count as running text in an article. '.repeat(5)}</p></body></html>`;
    const article = extractArticle(html, 'page.html');
    expect(article.title).toBe('From og');
    expect(article.published).toBeUndefined();
    expect(isoDate('2026-05-30T08:15:00Z')).toBe('2026-05-30');
  });
});
