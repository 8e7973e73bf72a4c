import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../adapters/slack/blocks/render-answer.js';
import { inViewport, launchBrowser, lowContrast, noHorizontalScroll, openPage, SCREENSHOTS, SKIP_BROWSER } from '../helpers/browser.js';
import { ADMIN_TOKEN, slackLinks, startBrowserBot, type BrowserBot } from '../helpers/browser-bot.js';

const XSS_QUESTION = 'Is it sold with <img src=x onerror="window.__xss=1"> stickers?';
const DISLIKED = 'Where is the Colossus supercomputer?';

/**
 * The admin page as the person running the bot meets it: questions asked through Slack and
 * Discord (the real clients against the fakes), a 👎 and a digest subscription from Slack,
 * then /admin in chromium, logged in through its form.
 */
describe.skipIf(SKIP_BROWSER)('the admin page in a real browser', () => {
  let bot: BrowserBot;
  let browser: Browser;

  beforeAll(async () => {
    [bot, browser] = await Promise.all([startBrowserBot(), launchBrowser()]);
    await bot.askSlack('What is the capital of Australia?');
    await bot.askSlack(XSS_QUESTION);
    await bot.askDiscord('what is the capital of australia');
    await bot.clickSlack(await bot.askSlack(DISLIKED), ACTION_IDS.notHelpful);
    expect(await bot.askSlack('digest on 00:00 UTC')).toContain('Daily digest here at 00:00');
    // 00:00 UTC has always passed today: the next 1 s tick delivers it.
    await bot.slack.waitForCall('chat.postMessage', (c) => c.params.blocks?.[0]?.type === 'header');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  const noData = async (page: Page) => {
    expect(await page.locator('svg').count()).toBe(0);
    expect(await page.content()).not.toMatch(/capital|stickers|Colossus|UTC/i);
  };

  it('without the token, and with a wrong one, shows the login form and no data', async () => {
    const page = await openPage(browser, `${bot.base}/admin`);
    await noData(page);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-login.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noHorizontalScroll(page)).toBe(true);
    // Keyboard: the focused token field shows its focus ring; typing and Enter submit the form.
    await page.focus('#token');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.type('wrong-token-wrong-token-wrong');
    await Promise.all([page.waitForLoadState(), page.keyboard.press('Enter')]);
    expect(await page.locator('[role=alert]').textContent()).toContain('not right');
    await noData(page);
    // A token in the URL is never taken.
    await page.goto(`${bot.base}/admin?token=${ADMIN_TOKEN}`);
    await noData(page);
    await page.close();
  });

  it('with the right token: the chart, the gaps, 👎 answers, most asked, digests and corpus health, as text', async () => {
    const page = await openPage(browser, `${bot.base}/admin`, { script: true });
    await page.fill('#token', ADMIN_TOKEN);
    await Promise.all([page.waitForURL(`${bot.base}/admin`), page.click('button[type=submit]')]);
    // One bar group per day, today's holding every question asked above.
    const days = page.locator('figure.chart svg g.day');
    expect(await days.count()).toBe(30);
    expect(Number(await days.last().getAttribute('data-refused'))).toBe(3);
    expect(Number(await days.last().getAttribute('data-answered'))).toBe(1);

    // The refused questions from Slack and Discord, near-identical wordings grouped.
    const refused = await page.locator('table.refused td.question').allTextContents();
    expect(refused).toContain(XSS_QUESTION);
    expect(await page.locator('table.refused tr', { hasText: /capital of australia/i }).locator('td.num').textContent()).toBe('2');

    // The 👎 answer with its question and the passage it cited, linked to that passage.
    const disliked = page.locator('ul.not-helpful li', { hasText: DISLIKED });
    expect(await disliked.locator('blockquote').textContent()).toMatch(/Memphis/);
    expect(await page.locator('table.most-asked td', { hasText: /capital of australia/i }).count()).toBe(1);

    // The subscription: platform, channel, time, zone, last delivery (or never) and paused reason.
    const sub = await page.locator('table.subscriptions tbody tr td').allTextContents();
    expect(sub).toEqual(['slack', bot.slack.channel, '00:00', 'UTC', `${new Date().toISOString().slice(0, 10)} (sent)`, '—']);

    // Corpus health: the skipped file with why, and the load at start.
    expect(await page.locator('ul.skipped li').allTextContents()).toEqual(['zz-broken.txt: is not UTF-8 text']);
    expect(await page.locator('ul.corpus').textContent()).toMatch(/7 articles, \d+ passages, \d+ index terms[\s\S]*Last reload: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(at start/);

    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    const content = await page.content();
    expect(content).not.toContain(ADMIN_TOKEN);
    // Question text only: nobody who asked or clicked is named.
    for (const who of [bot.slack.user, bot.discord.user.id, bot.discord.user.username, 'alice']) expect(content).not.toContain(who);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'gf_admin')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noHorizontalScroll(page)).toBe(true);
    // Each table row stacks into a labelled card on a phone: nothing scrolls sideways inside a table either.
    expect(await page.evaluate('[...document.querySelectorAll(".table-wrap")].every((w) => w.scrollWidth <= w.clientWidth)')).toBe(true);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-390.png'), fullPage: true });

    // The cited passage of the 👎 answer opens in its article.
    await Promise.all([page.waitForURL(/\/sources\/.+#passage$/), disliked.locator('blockquote a').click()]);
    expect(await inViewport(page, 'mark#passage')).toBe(true);
    expect(await page.locator('mark').first().textContent()).toMatch(/Memphis/);

    // Logging out (a form with the page's CSRF token) ends the session.
    await page.goto(`${bot.base}/admin`);
    await Promise.all([page.waitForLoadState(), page.click('form[action="/admin/logout"] button')]);
    await noData(page);
    await page.close();
  });

  it('the digest’s fact of the day links to its passage', async () => {
    const digest = bot.slack.calls.find((c) => c.method === 'chat.postMessage' && c.params.blocks?.[0]?.type === 'header')!;
    const [url] = slackLinks(JSON.stringify(digest.params.blocks));
    expect(url).toBeDefined();
    const page = await openPage(browser, url!);
    expect(await inViewport(page, 'mark#passage')).toBe(true);
    await page.close();
  });

  it('never logs the admin token', () => {
    expect(bot.stderr()).toContain('admin login failed');
    expect(bot.stderr()).not.toContain(ADMIN_TOKEN);
  });
});
