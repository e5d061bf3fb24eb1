import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { api, newContext, optionById, signUpViaApi, waitForSaved } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the exam runner when things go wrong', () => {
  it('keeps every answer through a dropped network and a reload while offline', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'offline');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 4, timeLimitMinutes: 30 });
    const keyOf = (position: number) => {
      const q = attempt.questions[position - 1];
      return q ? q.options.slice(-q.choose).map((o) => o.id) : [];
    };

    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 4' }).waitFor();

    // The network drops: every API call fails from now on.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    for (const position of [1, 2, 3]) {
      const q = attempt.questions[position - 1];
      // The last options, by clicking, so the answers differ from any default.
      for (const option of q?.options.slice(-(q?.choose ?? 1)) ?? []) {
        await optionById(page, option.id).click();
      }
      if (position === 2) await page.keyboard.press('f');
      await page.keyboard.press('ArrowRight');
    }
    await page.locator('.save-status[data-state="offline"]').waitFor();
    await page.getByText(/Offline: 3 answers kept on this device/).waitFor();

    // Even a reload while offline loses nothing: the exam opens from the copy kept on this device,
    // with the answers given offline...
    await page.reload();
    await page.getByRole('heading', { name: 'Question 4 of 4' }).waitFor();
    expect(await page.getByRole('button', { name: 'Question 2, answered, flagged' }).count()).toBe(1);
    await page.locator('.save-status[data-state="offline"]').waitFor();

    // ...and once the network is back, the queued answers are sent.
    await page.unroute('**/api/**');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForSaved(page);

    const stored = await client.getAttempt(attempt.id);
    for (const position of [1, 2, 3]) {
      expect(stored.questions[position - 1]?.answer?.selected).toEqual(keyOf(position));
    }
    expect(stored.questions[1]?.answer?.flagged).toBe(true);
    expect(stored.questions[3]?.answer ?? null).toBeNull();

    // A second drop mid-session, without a reload, is retried with backoff until it gets through.
    const last = attempt.questions[3];
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    // A click, not the "1" shortcut: the shortcut depends on where focus was left by the reload.
    await optionById(page, last?.options[0]?.id ?? 'a').click();
    await page.locator('.save-status[data-state="offline"]').waitFor();
    await page.unroute('**/api/**');
    await waitForSaved(page);
    const final = await client.getAttempt(attempt.id);
    expect(final.questions[3]?.answer?.selected).toEqual([last?.options[0]?.id]);
    await context.close();
  });

  it('shows immediate feedback after each answer in an immediate-feedback practice', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'immediate');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 2,
      feedback: 'immediate',
      timeLimitMinutes: null,
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await page.getByText('Untimed').waitFor();
    const q = attempt.questions[0];
    for (let k = 1; k <= (q?.choose ?? 1); k++) await page.keyboard.press(String(k));
    await page.locator('.feedback-verdict').waitFor();
    expect(await page.locator('.feedback-verdict').textContent()).toMatch(/^(Correct|Incorrect)/);
    await page.getByRole('heading', { name: 'Explanation' }).waitFor();
    expect(await page.locator('.rationales li').count()).toBe(q?.options.length);
    // The answer is locked once judged.
    expect(await page.locator('.option input:disabled').count()).toBe(q?.options.length);

    // After a reload the verdict is still there.
    await page.reload();
    await page.locator('.feedback-verdict').waitFor();
    await context.close();
  });
});
