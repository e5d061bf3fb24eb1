import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { newContext, signUpViaApi } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the built app in a real Chromium', () => {
  it('serves the SPA at / and sends a visitor without a session to sign in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
    });
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(new URL(page.url()).pathname).toBe('/signin');
    // The app runs under the API's strict CSP (script-src 'self') without a single violation.
    expect(csp).toEqual([]);
    await context.close();
  });

  it('keeps client-side routes working on reload', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'smoke');
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.goto(`${baseUrl}/history`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('History');
    await context.close();
  });

  it('follows the system colour scheme and remembers a manual choice', async () => {
    const context = await newContext(browser, { colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signin`);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await background();
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await background();
    expect(light).not.toBe(dark);
    await page.reload();
    await page.getByRole('button', { name: 'Switch to dark theme' }).waitFor();
    expect(await background()).toBe(light);
    await context.close();
  });
});
