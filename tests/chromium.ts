import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Tests in a real browser: Debian's chromium (`apt-get install chromium fonts-nanum`), driven by playwright-core,
 * which downloads no browser. Tests that need it skip, saying so, where it is not installed.
 */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Headless chromium that reaches for nothing on the network by itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a page reports: its console's errors and warnings, its script errors, and every dialog it opened. */
export interface PageWatch {
  messages: string[];
  dialogs: string[];
}

/** Opens a local file in a new page of `browser` (1100 × 900), watching what the page reports; dialogs are dismissed. */
export async function openFile(browser: Browser, path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
  const watch: PageWatch = { messages: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.messages.push(message.text());
  });
  page.on('pageerror', (error) => watch.messages.push(String(error)));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(path).href);
  await page.waitForLoadState('load');
  return { page, watch };
}
