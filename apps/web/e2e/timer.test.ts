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
  it('submits a 1-minute exam by itself at zero and shows the results', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'timer');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3, timeLimitMinutes: 1 });

    // The page's clock is fake (Date, timers, performance.now), so a minute passes at once instead
    // of in real time. The server keeps its real clock: the runner's submit at zero arrives before
    // the real deadline and is accepted as a submit, as it would be from a device whose clock runs
    // a little ahead; the server's own expiry at the deadline is tested in the API suite.
    await page.clock.install();
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    await page.keyboard.press('1');
    await expect.poll(async () => (await client.getAttempt(attempt.id)).questions[0]?.answer?.selected.length).toBe(1);
    const timer = page.locator('.timer-value');
    expect((await timer.textContent()) ?? '').toMatch(/^[01]:\d\d$/);

    // Nothing is clicked from here: at zero the runner submits and opens the results.
    await page.clock.fastForward('01:05');
    await page.waitForURL(`${baseUrl}/attempts/${attempt.id}/results`, { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
    const stored = await client.getAttempt(attempt.id);
    expect(stored.status).toBe('submitted');
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
