import type { AttemptResponse } from '@saa/contract/attempts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import {
  api,
  expectNoSeriousA11yViolations,
  finishedAttempt,
  MOBILE,
  newContext,
  screenshot,
  signUpViaApi,
} from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

let timing: {
  context: import('playwright-core').BrowserContext;
  page: import('playwright-core').Page;
  attempt: AttemptResponse;
  createdAt: number;
};

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUpViaApi(page, baseUrl, 'timing');
  const attempt = await api(page, baseUrl).createAttempt({
    mode: 'practice',
    questionCount: 3,
    timeLimitMinutes: null,
  });
  timing = { context, page, attempt, createdAt: Date.now() };
});
afterAll(() => browser?.close());

const reviewOf = async (page: import('playwright-core').Page, id: string) =>
  (await (await page.request.get(`${baseUrl}/api/attempts/${id}/review`)).json()) as {
    items: { questionId: string; stem: string }[];
  };

describe('leaving a timed attempt', () => {
  it('warns that the clock keeps running, and the dashboard shows it first with its time left', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'leaving');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 2,
      timeLimitMinutes: 30,
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await page.getByRole('link', { name: 'Save and exit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave the exam?' });
    await dialog.getByText(/the timer keeps running while you are away: \d+:\d\d left/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay');
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await page.getByRole('link', { name: 'Save and exit' }).click();
    await page.getByRole('dialog', { name: 'Leave the exam?' }).getByRole('button', { name: 'Save and exit' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const running = page.locator('.running-attempts');
    await running.getByText(/Practice · 0 of 2 answered · (29|30):\d\d left/).waitFor();
    await running.getByRole('link', { name: /Resume/ }).waitFor();
    await context.close();
  });
});

describe('flags', () => {
  it('show a flag mark, and the submit dialog steps through the flagged questions', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'flags');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 5,
      timeLimitMinutes: null,
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    for (const position of [2, 4]) {
      await page.getByRole('button', { name: new RegExp(`^Question ${position}, `) }).click();
      await page.getByRole('heading', { name: `Question ${position} of 5` }).waitFor();
      await page.keyboard.press('f');
      await page.getByText('Flagged for review', { exact: true }).waitFor();
    }
    const cell = page.getByRole('button', { name: 'Question 4, unanswered, flagged' });
    await cell.waitFor();
    // The mark is a glyph, not colour alone.
    expect(await cell.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('⚑');

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Review flagged (2)' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 5' }).waitFor();
    await page.getByText('Flagged question 1 of 2').waitFor();
    await page.getByRole('button', { name: 'Next flagged' }).click();
    await page.getByRole('heading', { name: 'Question 4 of 5' }).waitFor();
    await page.getByText('Flagged question 2 of 2').waitFor();
    await page.getByRole('button', { name: 'Back to submit' }).click();
    await page.getByRole('dialog', { name: 'Submit your answers?' }).waitFor();
    await page.getByRole('button', { name: 'Go to unanswered (5)' }).click();
    await page.getByText('Unanswered question 1 of 5').waitFor();
    await context.close();
  });
});

describe('the star on a feedback card', () => {
  it('saves the question just answered, which the Saved page then shows', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'feedback-star');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 2,
      timeLimitMinutes: null,
      feedback: 'immediate',
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    const options = page.locator('label.option');
    await options.first().waitFor();
    for (let i = 0; i < (attempt.questions[0]?.choose ?? 1); i++) await options.nth(i).click();
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`${baseUrl}/api/saved`)).json()) as { items: unknown[] }).items.length,
      )
      .toBe(1);
    await context.close();
  });
});

describe('the exam on a phone', () => {
  it('keeps the navigator one tap away, in a sheet, without sideways scrolling', async () => {
    const context = await newContext(browser, { viewport: MOBILE });
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'phone-exam');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 8,
      timeLimitMinutes: 20,
    });
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 8' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: /^Questions 1\/8/ }).click();
    const sheet = page.getByRole('dialog', { name: 'Questions' });
    await sheet.getByRole('button', { name: 'Question 6, unanswered' }).click();
    await page.getByRole('heading', { name: 'Question 6 of 8' }).waitFor();
    expect(await sheet.isVisible()).toBe(false);
    await expectNoSeriousA11yViolations(page, 'exam phone');
    await screenshot(page, 'exam-phone', false);
    await context.close();
  });
});

describe('saved questions and search', () => {
  it('keeps saved questions with notes, removes with undo, practises them, and searches only seen questions', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'saved');
    const attempt = await finishedAttempt(page, baseUrl, {
      mode: 'practice',
      questionCount: 3,
      timeLimitMinutes: null,
    });
    const review = await reviewOf(page, attempt.id);
    const [first, second] = review.items;
    for (const item of [first, second]) {
      const res = await page.request.put(`${baseUrl}/api/saved/${item?.questionId}`, {
        data: { note: 'check the limits' },
      });
      expect(res.status()).toBe(200);
    }

    await page.goto(`${baseUrl}/saved`);
    await page.getByRole('heading', { level: 1, name: 'Saved questions' }).waitFor();
    await expect.poll(() => page.locator('.seen-question').count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'saved');
    const card = page.locator('.seen-question').first();
    await card.getByLabel('Your note').fill('a better note');
    await card.getByRole('button', { name: 'Save note' }).click();
    await card.getByText('Saved', { exact: true }).waitFor();
    await card.getByRole('button', { name: /^Remove/ }).click();
    await page.getByText('Removed from your saved questions.').waitFor();
    await expect.poll(() => page.locator('.seen-question').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.seen-question').count()).toBe(2);

    // Search: a word of a seen question finds it; the search never shows unseen ones.
    // A word standing alone: Postgres' parser reads "index.html" or "example.com" as one token, so
    // "index" or "example" taken out of them would find nothing.
    const word = [...(first?.stem.match(/(?<![\w./@-])[A-Za-z]{5,}(?![\w/@-]|[.-]\w)/g) ?? [])]
      .filter(
        (w) =>
          !/^(themselves|ourselves|yourselves|between|because|through|against|further|during|before|should|which|where|their|there|these|those|other|about|after|while)$/i.test(
            w,
          ),
      )
      .sort((a, b) => b.length - a.length)[0] as string;
    await page.goto(`${baseUrl}/search`);
    await page.getByLabel(/Words in the question/).fill(word);
    await page.locator('.seen-question').first().waitFor();
    expect(page.url()).toContain(`q=${word}`);
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    const found = await page.locator('.seen-question h2').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'search');

    // Practise the saved ones from the practice setup.
    await page.goto(`${baseUrl}/practice?pool=saved`);
    await page.getByRole('radio', { name: /Saved questions/ }).waitFor();
    expect(await page.getByRole('radio', { name: /Saved questions/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Number of questions').count()).toBe(0);
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
    await context.close();
  });

  it('fits a phone (dark; the pages test covers light)', async () => {
    for (const colorScheme of ['dark'] as const) {
      const context = await newContext(browser, { viewport: MOBILE, colorScheme });
      const page = await context.newPage();
      await signUpViaApi(page, baseUrl, 'saved-phone');
      const attempt = await finishedAttempt(page, baseUrl, {
        mode: 'practice',
        questionCount: 2,
        timeLimitMinutes: null,
      });
      const review = await reviewOf(page, attempt.id);
      await page.request.put(`${baseUrl}/api/saved/${review.items[0]?.questionId}`, { data: { note: '' } });
      for (const path of ['/saved', '/search?q=the', '/practice']) {
        await page.goto(`${baseUrl}${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      }
      await page.goto(`${baseUrl}/saved`);
      await page.locator('.seen-question').first().waitFor();
      await screenshot(page, `saved-mobile-${colorScheme}`, false);
      await context.close();
    }
  });
});

describe('time on screen', () => {
  // Runs last: the server never credits more time than the attempt has existed, so the attempt is
  // made when the file starts and the page's fake clock moves only within that real time.
  it('is measured per question while visible and reported as measured in the results', async () => {
    const { context, page, attempt, createdAt } = timing;
    const waitFor = 8000 - (Date.now() - createdAt);
    if (waitFor > 0) await new Promise((resolve) => setTimeout(resolve, waitFor));
    await page.clock.install();
    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    await page.clock.runFor(6000);
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    await page.keyboard.press('1');
    await page.clock.runFor(2000);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.waitForURL(`${baseUrl}/attempts/${attempt.id}/results`);
    const done = (await api(page, baseUrl).getAttempt(attempt.id)) as AttemptResponse;
    const times = done.result?.questionTimes ?? [];
    expect(times[0]).toMatchObject({ position: 1, measured: true });
    expect(times[0]?.seconds).toBeGreaterThanOrEqual(5);
    expect(times[0]?.seconds).toBeLessThanOrEqual(7);
    expect(times[1]?.measured).toBe(true);
    await page.getByText('Time each question was on screen, as your browser measured it.').waitFor();
    await page.getByText(/On average .* a question against the exam's 2 min/).waitFor();
    await context.close();
  });
});
