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

describe('history', () => {
  it('pages through every attempt with the server cursor', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'history');
    const client = api(page, baseUrl);
    // One more than a page (20), so the list needs a second request.
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const attempt = await client.createAttempt({ mode: 'practice', questionCount: 1, timeLimitMinutes: null });
      await client.submit(attempt.id);
      ids.push(attempt.id);
    }

    await page.goto(`${baseUrl}/history`);
    await page.locator('.attempt-table').waitFor();
    expect(await page.locator('.attempt-table tbody tr').count()).toBe(20);
    // Newest first: the first attempt created is the one on the second page.
    expect(await page.locator(`a[href="/attempts/${ids[0]}/results"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Show older attempts' }).click();
    await page.locator(`a[href="/attempts/${ids[0]}/results"]`).waitFor();
    expect(await page.locator('.attempt-table tbody tr').count()).toBe(21);
    expect(await page.getByRole('button', { name: 'Show older attempts' }).count()).toBe(0);
    await context.close();
  });
});

describe('the score trend', () => {
  it('charts mocks by default, adds practice on request, and remembers the choice', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'trend');
    const client = api(page, baseUrl);
    for (let i = 0; i < 2; i++) {
      const attempt = await client.createAttempt({ mode: 'practice', questionCount: 1, timeLimitMinutes: null });
      await client.submit(attempt.id);
    }
    await page.goto(`${baseUrl}/history`);
    await page.getByText('Finish a mock exam to start the trend line (practice sets are not exam-like).').waitFor();
    await page.getByLabel('Include practice sets and drills (as percent correct)').check();
    await page.locator('figcaption', { hasText: 'Percent correct, every attempt' }).waitFor();
    await page.reload();
    await page.locator('figcaption', { hasText: 'Percent correct, every attempt' }).waitFor();
    expect(await page.getByLabel('Include practice sets and drills (as percent correct)').isChecked()).toBe(true);
    await context.close();
  });
});
