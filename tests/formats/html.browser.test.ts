import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../src/document/types.js';
import { chromiumPath, hasChromium, launchChromium, openFile, type PageWatch } from '../chromium.js';
import { cliPath, repoRoot } from '../helpers.js';

/**
 * The html page in a real browser: Debian's chromium, driven by playwright-core (which downloads no browser). It
 * checks what only a browser shows: that the marks the page lays out are the entities of the jsonl output, that the
 * script drew the arrows, and that no text of a document ran as script. It saves screenshots to look at.
 */
if (!hasChromium) console.warn(`html.browser.test.ts: skipped, chromium not installed: apt-get install chromium (${chromiumPath})`);

const outputDir = join(repoRoot, 'tests', 'output');
const news = join(repoRoot, 'examples', 'news.txt');

/** Text that would run script, or load an image, if it ever reached the page as HTML. */
const ATTACKS = [
  '<script>window.injected = 1; alert(1)</script>',
  '"><img src=x onerror="window.injected = 2; alert(2)">',
  "'><svg onload='window.injected = 3; alert(3)'>",
];

function cli(args: string[]): string {
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (run.stdout === '') throw new Error(`korner ${args.join(' ')} wrote nothing: ${run.stderr}`);
  return run.stdout;
}

describe.skipIf(!hasChromium)('the html page in chromium', () => {
  let browser: Browser;
  const pages: Page[] = [];

  async function open(html: string, name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; watch: PageWatch }> {
    const path = join(outputDir, name);
    writeFileSync(path, html);
    const opened = await openFile(browser, path, colorScheme);
    pages.push(opened.page);
    return opened;
  }

  beforeAll(async () => {
    expect(existsSync(cliPath), 'dist/cli.js is missing: run npx tsup first').toBe(true);
    mkdirSync(outputDir, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const page of pages) await page.close();
    await browser?.close();
  });

  it('shows the entities of the jsonl output, their values, and an arrow for each link with a mention', async () => {
    const record = JSON.parse(execFileSync(process.execPath, [cliPath, 'extract', '--input', 'document', '--format', 'jsonl', news], { encoding: 'utf8' })) as {
      entities: Entity[];
      links: Link[];
    };
    const html = execFileSync(process.execPath, [cliPath, 'extract', '--input', 'document', '--format', 'html', news], { encoding: 'utf8' });
    const { page, watch } = await open(html, 'news.html');

    const marks = await page.$$eval('main mark', (elements) =>
      elements.map((mark) => ({
        text: mark.textContent,
        type: mark.getAttribute('data-type'),
        start: Number(mark.getAttribute('data-start')),
        end: Number(mark.getAttribute('data-end')),
        value: mark.getAttribute('data-value'),
        canonical: mark.getAttribute('data-canonical'),
      })),
    );
    expect(marks.map((m) => [m.type, m.text, m.start, m.end])).toEqual(record.entities.map((e) => [e.type, e.text, e.start, e.end]));
    for (const mark of marks.filter((m) => m.type === 'DATE' || m.type === 'TIME')) expect(mark.value, mark.text!).toBeTruthy();
    const canonical = record.entities.find((e) => e.canonical && e.canonical !== e.text)!;
    expect(marks.find((m) => m.start === canonical.start)!.canonical).toBe(canonical.canonical);

    // The legend's counts are the script's: they equal the entities per type.
    const legend = await page.$$eval('.legend li', (items) => items.map((item) => [item.getAttribute('data-type'), item.querySelector('.count')!.textContent]));
    const types = ['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'TIME', 'QUANTITY'];
    expect(legend).toEqual(types.map((type) => [type, String(record.entities.filter((e) => e.type === type).length)]));

    // 靑島 → 칭다오 (the article has no 威海): its gloss, and an arrow drawn from it to its mention.
    const withTarget = record.links.filter((link) => link.target);
    expect(withTarget.length).toBeGreaterThan(0);
    const k = record.links.findIndex((link) => link.source.text === '靑島');
    expect(k, 'examples/news.txt links 靑島 to 칭다오').toBeGreaterThanOrEqual(0);
    const gloss = page.locator(`.gloss[data-link="${k}"]`);
    expect(await gloss.textContent()).toBe('靑島');
    expect(await gloss.getAttribute('title')).toBe('→ 칭다오 [mandarin]');
    expect(await page.locator(`.mention[data-links~="${k}"]`).first().textContent()).toBe(record.links[k]!.target!.text);
    const arrow = page.locator(`svg.links path.arrow[data-link="${k}"]`);
    expect(await arrow.count()).toBe(1);
    const box = (await arrow.boundingBox())!;
    expect(box.width).toBeGreaterThan(10);
    expect(await page.locator('svg.links path.arrow').count()).toBe(withTarget.length);

    // Hovering the gloss lights up its arrow.
    await gloss.hover();
    expect(await arrow.getAttribute('class')).toContain('active');
    await page.mouse.move(1, 1);

    expect(watch.messages).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    await page.screenshot({ path: join(outputDir, 'html-view.png'), fullPage: true });
    const dark = await open(html, 'news.html', 'dark');
    await dark.page.screenshot({ path: join(outputDir, 'html-view-dark.png'), fullPage: true });
  });

  it('runs no script and loads nothing from the text or the id of a document, and shows an error record', async () => {
    const input = join(outputDir, 'attacks.jsonl');
    const lines = ATTACKS.map((attack, i) => JSON.stringify({ id: attack, text: `부산 ${attack}\n서울 ${i}` }));
    writeFileSync(input, `${lines.join('\n')}\n{"id": "broken", "text": <script>\n`);
    const html = cli(['extract', '--input', 'jsonl', '--format', 'html', input]);
    const { page, watch } = await open(html, 'attacks.html');

    const sections = await page.$$eval('main section', (elements) =>
      elements.map((section) => ({ heading: section.querySelector('h2')!.textContent, text: section.querySelector('.text')?.textContent ?? null, error: section.querySelector('.error-message')?.textContent ?? null })),
    );
    expect(sections.slice(0, ATTACKS.length)).toEqual(ATTACKS.map((attack, i) => ({ heading: attack, text: `부산 ${attack}\n서울 ${i}`, error: null })));
    expect(sections[ATTACKS.length]!.text).toBeNull();
    expect(sections[ATTACKS.length]!.error).toMatch(/^error KORNER_\w+ \(input line 4\): /);

    expect(await page.evaluate(() => (globalThis as { injected?: number }).injected)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, main svg:not(.links), [onerror], [onload]').count()).toBe(0);
    // Nothing was even tried: the page's policy would have blocked it, and said so on the console.
    expect(watch.messages).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    await page.screenshot({ path: join(outputDir, 'html-attacks.png'), fullPage: true });
  });
});

if (!hasChromium) {
  describe('the html page in chromium', () => {
    it.skip('chromium not installed: apt-get install chromium', () => undefined);
  });
}
