import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import {
  expectNoSeriousA11yViolations,
  finishedAttempt,
  MOBILE,
  newContext,
  screenshot,
  signUpViaApi,
} from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Scrolls to the end of the page (where more cards are drawn) and counts the cards. */
async function scrolledCardCount(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.locator('.review-item').count();
}

describe('the review of a 65-question mock', () => {
  it('shows 20 cards at a time, jumps to any question, saves with a note and offers the CSV', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'review');
    const mock = await finishedAttempt(page, baseUrl, { mode: 'mock' }, { answered: 0.7 });

    // The page downloads the cards of its page only, with the outline of all 65 (the jump grid).
    const firstPage = page.waitForResponse((r) => /\/review\?filter=all&page=1$/.test(r.url()));
    await page.goto(`${baseUrl}/attempts/${mock.id}/review`);
    const sent = (await (await firstPage).json()) as { items: unknown[]; outline: unknown[] };
    expect([sent.items.length, sent.outline.length]).toEqual([20, 65]);
    await page.locator('.review-item').first().waitFor();
    // The first cards come with the page, the rest as the reader scrolls towards them.
    await expect.poll(() => scrolledCardCount(page)).toBe(20);
    expect(await page.locator('.jump-grid .jump').count()).toBe(65);
    await page.getByText('Questions 1-20 of 65 questions (page 1 of 4).').waitFor();
    await expectNoSeriousA11yViolations(page, 'review paged');
    await screenshot(page, 'review-mock-paged-desktop', false);

    // The jump grid opens the page holding the question and focuses it.
    await page.getByRole('button', { name: /^Question 47, / }).click();
    await page.waitForURL(/page=3/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rq-47');
    await expect.poll(() => scrolledCardCount(page)).toBe(20);

    // A link to one question opens its page too.
    await page.goto(`${baseUrl}/attempts/${mock.id}/review#question-62`);
    await page.locator('#rq-62').waitFor();
    await expect.poll(() => scrolledCardCount(page)).toBe(5);

    // Collapse and expand.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    expect(await page.locator('.review-details:visible').count()).toBe(0);
    await page.locator('#question-62').getByRole('button', { name: 'Show details' }).click();
    expect(await page.locator('.review-details:visible').count()).toBe(1);

    // Save with a note: it is in GET /api/saved.
    const card = page.locator('#question-62');
    await card.getByRole('button', { name: 'Save question' }).click();
    await card.getByRole('button', { name: 'Saved' }).waitFor();
    await card.getByLabel('Note for this question').fill('Compare with Multi-AZ');
    await card.getByLabel('Note for this question').blur();
    await card.getByText('Note saved').waitFor();
    const saved = (await (await page.request.get(`${baseUrl}/api/saved`)).json()) as { items: { note: string }[] };
    expect(saved.items.map((i) => i.note)).toEqual(['Compare with Multi-AZ']);

    // The CSV download has one row per question.
    const csvLink = page.getByRole('link', { name: 'Download results (CSV)' });
    expect(await csvLink.getAttribute('download')).not.toBeNull();
    const csv = await page.request.get(`${baseUrl}${await csvLink.getAttribute('href')}`);
    expect((await csv.text()).trim().split('\n')).toHaveLength(66);

    // Print (the button, or Ctrl+P which it takes over) fetches the other pages first: the printout
    // holds all 65 questions, expanded. The browser's dialog cannot be driven here, so window.print
    // counts what the page holds when the browser would lay it out (after beforeprint).
    await page.evaluate(() => {
      const printed: number[] = [];
      Object.assign(window, { printed });
      window.print = () => {
        window.dispatchEvent(new Event('beforeprint'));
        printed.push(document.querySelectorAll('.review-item .review-details').length);
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.keyboard.press('Control+p');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: number[] }).printed))
      .toEqual([65, 65]);
    await expect.poll(() => scrolledCardCount(page)).toBe(5);

    // Printed, the page shows no navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.jump-grid').isVisible()).toBe(false);
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('fits a phone without sideways scrolling', async () => {
    const context = await newContext(browser, { viewport: MOBILE, colorScheme: 'dark' });
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'review-phone');
    const attempt = await finishedAttempt(page, baseUrl, {
      mode: 'practice',
      questionCount: 25,
      timeLimitMinutes: null,
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}/review`);
    await page.locator('.review-item').first().waitFor();
    // A phone draws the cards it shows, not the page's twenty; a button draws the next ones.
    const more = page.getByRole('button', { name: /^Show the next 3 questions$/ });
    await more.waitFor();
    const before = await page.locator('.review-item').count();
    expect(before).toBeLessThan(20);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.review-item').count()).toBeGreaterThanOrEqual(before + 3);
    // Focus moves to a question the button added (the first of them; scrolling may have drawn some
    // before the key press), not back to the top of the page.
    const focusedCard = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.review-item h2')].indexOf(document.activeElement as HTMLElement),
      );
    await expect.poll(focusedCard).toBeGreaterThanOrEqual(before);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Named in the failure: whatever sticks out on the right.
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((e) => !e.closest('[style*="overflow"]') && getComputedStyle(e).position !== 'fixed')
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 50)}`),
    );
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      sticking.join(' | '),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page, 'review phone');
    await screenshot(page, 'review-missed-mobile-dark', false);
    await context.close();
  });
});
