import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(() => browser?.close());

describe('the built app in a real Chromium', () => {
  it('serves the SPA at / and reports the service ready', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Get ready for SAA-C03');
    await expect.poll(() => page.locator('.status').textContent()).toBe('All systems ready.');
    await page.screenshot({ path: `${SCREENSHOTS}home.png`, fullPage: true });
    await page.close();
  });

  it('keeps client-side routes working on reload', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.close();
  });
});
