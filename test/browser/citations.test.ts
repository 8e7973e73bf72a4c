import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/schema.js';
import { inViewport, launchBrowser, lowContrast, noHorizontalScroll, openPage, SCREENSHOTS, SKIP_BROWSER, squash } from '../helpers/browser.js';
import { slackLinks, startBrowserBot, type BrowserBot } from '../helpers/browser-bot.js';

const ROOT = resolve(import.meta.dirname, '../..');
const QUESTION = 'How many parameters does Grok V9 Medium have?';

/**
 * Citation pages as a reader meets them: a link from a real answer on Discord, Slack or in the
 * terminal, opened in Debian's chromium with script off (the pages must work without it).
 */
describe.skipIf(SKIP_BROWSER)('citation pages in a real browser', () => {
  let bot: BrowserBot;
  let browser: Browser;
  /** The answer's citations with their exact quotes, from `grok-facts ask --json` on the same corpus. */
  let citations: Answer['citations'];

  beforeAll(async () => {
    [bot, browser] = await Promise.all([startBrowserBot(), launchBrowser()]);
    const json = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli/main.js'), 'ask', '--json', QUESTION], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CORPUS_DIR: bot.corpus, DATA_DIR: bot.dataDir },
    });
    citations = (JSON.parse(json.stdout) as Answer).citations;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  const linksFrom: Record<string, () => Promise<string[]>> = {
    Discord: () => bot.askDiscord(QUESTION),
    Slack: async () => slackLinks(await bot.askSlack(QUESTION)),
    terminal: async () => [...bot.askCli(QUESTION).matchAll(/^\s+(http:\/\/\S+)$/gm)].map((m) => m[1]!),
  };

  it.each(Object.keys(linksFrom))('a citation in a real %s answer opens its article with the passage highlighted, in view', async (where) => {
    const urls = await linksFrom[where]!();
    expect(urls).toHaveLength(citations.length);
    for (const [i, url] of urls.entries()) {
      const { pathname, searchParams } = new URL(url);
      const cited = citations.find((c) => pathname === `/sources/${c.source}` && searchParams.get('at') === `${c.start}-${c.end}`);
      expect(cited, url).toBeDefined();
      const page = await openPage(browser, url);
      expect(await page.locator('mark#passage').count()).toBe(1);
      expect(await inViewport(page, 'mark#passage')).toBe(true);
      // The highlight is exactly the quoted passage: the page's text is the article's.
      expect(squash((await page.locator('mark').allTextContents()).join(''))).toBe(squash(cited!.quote));
      if (i === 0) {
        expect(await lowContrast(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `article-from-${where.toLowerCase()}.png`) });
        await page.setViewportSize({ width: 390, height: 844 });
        expect(await noHorizontalScroll(page)).toBe(true);
        if (where === 'Slack') await page.screenshot({ path: join(SCREENSHOTS, 'article-highlighted-390.png') });
      }
      await page.close();
    }
  });

  it('"also in" links open the same passage in the other articles', async () => {
    const urls = slackLinks(await bot.askSlack('How does Grok V9 Medium compare to Grok V8 Small in parameters?'));
    let checked = 0;
    for (const url of urls) {
      const page = await openPage(browser, url);
      const links = await page.locator('a.also-in').all();
      for (const [i, link] of links.entries()) {
        const href = await link.getAttribute('href');
        await Promise.all([page.waitForURL((u) => u.pathname + u.search + u.hash === href), link.click()]);
        expect(await page.locator('mark#passage').count()).toBe(1);
        expect(await inViewport(page, 'mark#passage')).toBe(true);
        expect(await page.locator('mark').textContent()).toContain('threefold increase');
        if (checked === 0 && i === 0) await page.screenshot({ path: join(SCREENSHOTS, 'also-in.png') });
        checked++;
        await page.goBack();
      }
      await page.close();
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('/sources lists the articles with passage counts and the skipped file with why; it fits a phone and takes the keyboard', async () => {
    const page = await openPage(browser, `${bot.base}/sources`, { width: 390 });
    expect(await page.locator('ul.sources li').count()).toBe(7);
    expect(await page.locator('ul.sources li').first().textContent()).toMatch(/\d+ passages/);
    expect(await page.locator('ul.skipped li').allTextContents()).toEqual(['zz-broken.txt: is not UTF-8 text']);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sources-390.png'), fullPage: true });
    // Keyboard: the first Tab reaches the skip link, its focus visible; Tab on reaches the articles, Enter opens one.
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate('({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })');
    expect(await focused()).toEqual({ text: 'Skip to content', outline: 'solid' });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    const first = await page.locator('ul.sources a').first().textContent();
    expect(await focused()).toEqual({ text: first, outline: 'solid' });
    await Promise.all([page.waitForURL(/\/sources\/.+/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await page.close();
  });

  it('an article containing <script> shows it as text, and no script runs', async () => {
    const page = await openPage(browser, `${bot.base}/sources/zz-markup`, { script: true });
    expect(await page.locator('h1').textContent()).toContain('<script>window.__xss = 2</script>');
    expect(await page.locator('article').textContent()).toContain('<b>cake</b>');
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('article script, article b').count()).toBe(0);
    await page.close();
  });

  it('a source outside the corpus, or ../ in the path, is a 404 page; so is any path Bolt and the pages do not serve', async () => {
    for (const path of ['/sources/not-an-article', '/sources/zz-broken', '/sources/..%2F..%2Fpackage.json', '/sources/%2e%2e%2f%2e%2e%2fpackage.json', '/sources/a/b', '/nope', '/slack/events']) {
      // openPage checks the CSP and nosniff headers: the 404s are the pages' own, not Bolt's bare one.
      const page = await openPage(browser, `${bot.base}${path}`);
      expect(await page.locator('h1').textContent(), path).toBe('Not found');
      expect(await page.content()).not.toContain('"name": "grok-facts"');
      if (path === '/nope') await page.screenshot({ path: join(SCREENSHOTS, 'not-found.png') });
      await page.close();
    }
    // HEAD, as link checkers and chat previews send it, gets the page's status.
    expect((await fetch(`${bot.base}/sources`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${bot.base}/sources/nope`, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(`${bot.base}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });
});
