import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { api, expectNoSeriousA11yViolations, newContext, screenshot, signUpViaApi, waitForSaved } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('saying how sure you are', () => {
  it('takes S, U and G, keeps them through a reload, and shows calibration in the results', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'confidence');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3 });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();

    const button = (name: string) =>
      page.getByRole('group', { name: 'How sure are you?' }).getByRole('button', { name, exact: true });
    await page.keyboard.press('1');
    await page.keyboard.press('s');
    expect(await button('Sure').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('u');
    await page.keyboard.press('g');
    // The last level wins; pressing it again would take it back.
    expect(await button('Guess').getAttribute('aria-pressed')).toBe('true');
    expect(await button('Unsure').getAttribute('aria-pressed')).toBe('false');
    await waitForSaved(page);
    await expectNoSeriousA11yViolations(page, 'confidence picker');
    await screenshot(page, 'exam-confidence-desktop', false);

    await page.reload();
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    expect(await button('Guess').getAttribute('aria-pressed')).toBe('true');
    const stored = await client.getAttempt(attempt.id);
    expect(stored.questions.map((q) => q.answer?.confidence ?? null)).toEqual(['sure', 'guess', null]);

    await client.submit(attempt.id);
    await page.goto(`${baseUrl}/attempts/${attempt.id}/results`);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'How sure you were' }) });
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toMatch(/Sure\s*\d+%/);
    expect(text).toMatch(/Guess\s*\d+%/);
    expect(text).not.toContain('Unsure');
    expect(text).toMatch(/[01] of 1 right/);
    await expectNoSeriousA11yViolations(page, 'results with calibration');
    await screenshot(page, 'results-calibration-desktop');
    await context.close();
  });
});
