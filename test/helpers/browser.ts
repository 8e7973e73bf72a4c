import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's chromium (apt-get install chromium); playwright-core never downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run in CI always (a missing browser fails there); elsewhere they skip only when chromium is genuinely absent. */
export const SKIP_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;
if (SKIP_BROWSER) {
  process.stderr.write(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium; CI installs it and never skips)\n`);
}

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-output/screenshots');

/** One headless chromium for a test file: a fresh temporary profile, no network of its own beyond the page asked for. */
export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a page as a reader would, checking what every page must send: a Content-Security-Policy
 * without inline script and nosniff. Script is off unless asked for: the pages must work without it.
 */
export async function openPage(browser: Browser, url: string, options: { width?: number; script?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, javaScriptEnabled: options.script ?? false });
  const page = await context.newPage();
  page.on('dialog', () => {
    throw new Error('a page opened a dialog: script ran');
  });
  // The page's own context goes with it (a closed browser has closed it already).
  page.on('close', () => void context.close().catch(() => undefined));
  const res = await page.goto(url);
  const headers = res!.headers();
  expect(headers['content-security-policy'], url).toMatch(/default-src 'none'/);
  expect(headers['content-security-policy'], url).not.toMatch(/unsafe-inline|script-src/);
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  return page;
}

/** Whether the element is laid out and wholly inside the viewport (page-side code is a string: the test project has no DOM types). */
export const inViewport = (page: Page, selector: string) =>
  page.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`);

export const noHorizontalScroll = (page: Page) => page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

export const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Text whose colour against its background is below WCAG AA (4.5:1, or 3:1 for large text),
 * measured from the computed styles of every element that holds text, SVG labels included.
 */
export const lowContrast = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); } return [255, 255, 255]; };
    const failures = [];
    for (const el of document.querySelectorAll('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || el.closest('title, style, .skip')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const fg = rgb(el instanceof SVGElement ? style.fill : style.color).slice(0, 3);
      const [hi, lo] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize) * (el instanceof SVGElement ? el.ownerSVGElement.getBoundingClientRect().width / el.ownerSVGElement.viewBox.baseVal.width : 1);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
    }
    return failures;
  })()`);
