import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
