import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { api, newContext, signUpViaApi } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('reloading the exam page offline', () => {
  it('opens the app with its local answers from the service worker, and never caches the API', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'offline');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3, timeLimitMinutes: 30 });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    // The service worker has installed and controls the page (a reload may be needed the first time).
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();

    await context.setOffline(true);
    await page.keyboard.press('1');
    await page.getByText(/Offline: 1 answer kept on this device/).waitFor();
    await page.reload();
    // Not the browser's error page: the app, on the same question, with the answer given offline.
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    expect(await page.locator('.option input:checked').count()).toBe(1);

    await context.setOffline(false);
    // Sent on the 'online' event or, at the latest, on the queue's next retry (its backoff).
    await expect
      .poll(async () => (await client.getAttempt(attempt.id)).questions[0]?.answer?.selected.length ?? 0, {
        timeout: 15_000,
      })
      .toBe(1);

    // The caches hold the app shell and nothing from /api.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached.some((u) => u.endsWith('/index.html'))).toBe(true);
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
    await context.close();
  });
});
