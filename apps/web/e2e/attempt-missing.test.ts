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

describe('an attempt the server no longer knows for this session', () => {
  it('keeps the unsent answers on the device and says so, instead of erasing them', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'missing-a');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 3,
      timeLimitMinutes: null,
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();

    // Another account signs in in another tab of the same browser: the cookie now belongs to it,
    // and to it this attempt does not exist (404).
    await signUpViaApi(page, baseUrl, 'missing-b');
    await page.keyboard.press('2');

    const banner = page.getByRole('alert').filter({ hasText: 'not found on the server' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Your 1 unsent answer is kept on this device');
    const stored = await page.evaluate((id) => localStorage.getItem(`saa:attempt:${id}`), attempt.id);
    expect(JSON.parse(stored ?? '{}').pending?.['1']).toMatchObject({ selected: [expect.any(String)] });
    // Still on the exam: no jump to a results page that would not load.
    expect(page.url()).toBe(`${baseUrl}/attempts/${attempt.id}`);
    await context.close();
  });
});
