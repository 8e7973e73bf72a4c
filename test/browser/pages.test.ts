import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, form, signedRequest } from '../fakes/fake-slack.js';
import { launchBrowser, SCREENSHOTS, SKIP_BROWSER } from '../helpers/browser.js';
import { freePort } from '../helpers/free-port.js';
import { GENEROUS_LIMITS_ENV } from '../helpers/limits.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BOT_TOKEN = 'xoxb-9999-8888-browser-test-token';
const SECRET = 'browser-test-signing-secret-abcdef0123';
const ADMIN_TOKEN = 'browser-admin-token-0123456789abcdef';
const XSS_QUESTION = 'Is it sold with <img src=x onerror="window.__xss=1"> stickers?';

/**
 * The pages as a new user meets them: `npm start` with Slack over HTTP, PUBLIC_URL and
 * ADMIN_TOKEN set, one server on PORT for /slack/events and the pages, opened in chromium.
 */
describe.skipIf(SKIP_BROWSER)('web pages in a real browser', () => {
  const fake = new FakeSlack();
  let bot: ChildProcess;
  let stderr = '';
  let base: string;
  let browser: Browser;

  /** Asks through a signed slash command, as Slack would, and returns the Block Kit reply. */
  async function askSlack(question: string): Promise<string> {
    const url = fake.responseUrl();
    const ack = await signedRequest(`${base}/slack/events`, form(fake.slashCommand(question, url)), 'application/x-www-form-urlencoded', SECRET);
    expect(ack.status).toBe(200);
    return JSON.stringify((await fake.waitForResponse(url)).body);
  }

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    page.on('dialog', () => {
      throw new Error('a page opened a dialog: script ran');
    });
    await page.goto(path.startsWith('http') ? path : `${base}${path}`);
    return page;
  }

  const inViewport = (page: Page, selector: string) =>
    page.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`);
  const noHorizontalScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

  beforeAll(async () => {
    await fake.start();
    const corpus = mkdtempSync(join(tmpdir(), 'gf-browser-corpus-'));
    cpSync(resolve(ROOT, 'seeds'), corpus, { recursive: true });
    // A second article repeating one seed sentence word for word: that passage is "also in" it.
    writeFileSync(
      join(corpus, 'zz-echo.txt'),
      'Echo Daily: the numbers again\n\nAnalysts went over the figures once more on Tuesday afternoon in a long call. In terms of parameters, the Grok V8 Small is 0.5T and the Grok V9 Medium is 1.5T, which is a threefold increase. Nothing else was announced during the call, the analysts said.\n',
    );
    writeFileSync(
      join(corpus, 'zz-markup.txt'),
      'Launch party notes <script>window.__xss = 2</script> from the night\n\nGuests were served <b>cake</b> and lemonade at the Memphis venue while the band played until midnight.\n',
    );
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = spawn(process.execPath, [resolve(ROOT, 'dist/adapters/start.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...GENEROUS_LIMITS_ENV,
        DISCORD_TOKEN: '',
        SLACK_APP_TOKEN: '',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        PUBLIC_URL: base,
        ADMIN_TOKEN,
        CORPUS_DIR: corpus,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'gf-browser-data-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stderr!.on('data', (c) => (stderr += String(c)));
    const deadline = Date.now() + 15_000;
    while (!stderr.includes('slack started')) {
      if (Date.now() > deadline || bot.exitCode !== null) throw new Error(`bot did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (bot && bot.exitCode === null) {
      const exited = new Promise((r) => bot.once('exit', r));
      bot.kill('SIGTERM');
      await exited;
    }
    await fake.close();
  });

  let citationUrls: string[] = [];

  it('a link from a real Slack answer opens the article with the cited passage highlighted, in view', async () => {
    const reply = await askSlack('How many parameters does Grok V9 Medium have?');
    citationUrls = [...reply.matchAll(/<(http:\/\/127\.0\.0\.1:\d+\/sources\/[^|>]+)\|/g)].map((m) => m[1]!);
    expect(citationUrls.length).toBeGreaterThan(0);
    const page = await open(citationUrls[0]!);
    expect(await page.locator('mark#passage').count()).toBe(1);
    expect(await inViewport(page, 'mark#passage')).toBe(true);
    const marked = (await page.locator('mark').allTextContents()).join('');
    // The highlighted text is the quote Slack showed (Slack's copy has & < > escaped).
    expect(reply.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toContain(marked.slice(0, 40));
    await page.screenshot({ path: join(SCREENSHOTS, 'article-highlighted.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'article-highlighted-390.png') });
    await page.close();
  });

  it('"also in" links open the same passage in the other articles', async () => {
    const reply = await askSlack('How does Grok V9 Medium compare to Grok V8 Small in parameters?');
    const urls = [...reply.matchAll(/<(http:\/\/127\.0\.0\.1:\d+\/sources\/[^|>]+)\|/g)].map((m) => m[1]!);
    let checked = 0;
    for (const url of urls) {
      const page = await open(url);
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

  it('/sources lists the articles; it and the admin login fit a 390-pixel phone', async () => {
    const page = await open('/sources', 390);
    expect(await page.locator('ul.sources li').count()).toBe(7);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'sources-390.png'), fullPage: true });
    // Keyboard: the first Tab reaches the skip link, and its focus is visible.
    await page.keyboard.press('Tab');
    // Page-side expressions are strings: the test project has no DOM types.
    const focused = await page.evaluate('({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })');
    expect(focused).toEqual({ text: 'Skip to content', outline: 'solid' });
    await page.goto(`${base}/admin`);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.close();
  });

  it('an article containing <script> and a question containing <img onerror> show as text', async () => {
    const page = await open('/sources/zz-markup');
    expect(await page.locator('h1').textContent()).toContain('<script>window.__xss = 2</script>');
    expect(await page.locator('article').textContent()).toContain('<b>cake</b>');
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('article script, article b').count()).toBe(0);
    await page.close();
    expect(await askSlack(XSS_QUESTION)).toContain('sources');
  });

  it('a source outside the corpus, or ../ in the path, is a 404 page', async () => {
    const page = await browser.newPage();
    for (const path of ['/sources/not-an-article', '/sources/..%2F..%2Fpackage.json', '/sources/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(404);
      expect(await page.content()).not.toContain('"name": "grok-facts"');
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'not-found.png') });
    await page.close();
  });

  it('/admin shows no data without the token or with a wrong one; with it, the chart and the refused question', async () => {
    await askSlack('What is the capital of Australia?');
    await askSlack('what is the capital of australia');
    const page = await open('/admin');
    expect(await page.locator('svg').count()).toBe(0);
    expect(await page.content()).not.toMatch(/capital|stickers/i);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-login.png') });

    await page.fill('#token', 'wrong-token-wrong-token-wrong');
    await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
    expect(await page.locator('[role=alert]').textContent()).toContain('not right');
    expect(await page.locator('svg').count()).toBe(0);
    expect(await page.content()).not.toMatch(/capital|stickers/i);

    await page.fill('#token', ADMIN_TOKEN);
    await Promise.all([page.waitForURL(`${base}/admin`), page.click('button[type=submit]')]);
    expect(await page.locator('figure.chart svg g.day').count()).toBe(30);
    const refused = await page.locator('table.refused td.question').allTextContents();
    expect(refused).toContain(XSS_QUESTION);
    expect(refused.some((q) => /capital of australia/i.test(q))).toBe(true);
    expect(await page.locator('table.refused tr', { hasText: /capital of australia/i }).locator('td.num').textContent()).toBe('2');
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.content()).not.toContain(ADMIN_TOKEN);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'gf_admin')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-390.png'), fullPage: true });
    await page.close();
  });

  it('never logs the admin token', () => {
    expect(stderr).toContain('admin login failed');
    expect(stderr).not.toContain(ADMIN_TOKEN);
  });
});
