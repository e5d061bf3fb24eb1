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

describe('the exam clock', () => {
  it('submits a 1-minute exam by itself at zero and shows the results', { timeout: 120_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'timer');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3, timeLimitMinutes: 1 });

    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    await page.keyboard.press('1');
    const timer = page.locator('.timer-value');
    const start = (await timer.textContent()) ?? '';
    expect(start).toMatch(/^[01]:\d\d$/);

    // Nothing is clicked from here: at zero the runner submits and opens the results.
    await page.waitForURL(`${baseUrl}/attempts/${attempt.id}/results`, { timeout: 80_000 });
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
    const stored = await client.getAttempt(attempt.id);
    expect(['submitted', 'expired']).toContain(stored.status);
    expect(stored.result?.answered).toBe(1);
    await context.close();
  });

  it('warns at 10, 5 and 1 minutes left, visibly and through a live region', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'warnings');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 2,
      timeLimitMinutes: 11,
    });
    // A fake clock (Date, timers and performance.now) lets the test move time instead of waiting.
    await page.clock.install();
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    const alert = page.locator('.time-warning[role="alert"]');
    expect(await alert.textContent()).toBe('');

    await page.clock.fastForward('01:05');
    await expect.poll(() => alert.textContent()).toContain('10 minutes left.');
    await page.clock.fastForward('05:00');
    await expect.poll(() => alert.textContent()).toContain('5 minutes left.');
    expect(await page.locator('.timer').getAttribute('class')).toContain('timer-low');
    await page.clock.fastForward('04:00');
    await expect.poll(() => alert.textContent()).toContain('1 minute left.');
    expect(await page.locator('.timer').getAttribute('class')).toContain('timer-critical');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await alert.textContent()).toBe('');
    await context.close();
  });
});
