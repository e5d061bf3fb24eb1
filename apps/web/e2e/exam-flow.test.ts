import type { AttemptResponse } from '@saa/contract/attempts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { api, newContext, optionById, PASSWORD, uniqueEmail, waitForSaved } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const clockSeconds = async (page: Page) => {
  const text = (await page.locator('.timer-value').textContent()) ?? '';
  const [minutes, seconds] = text.split(':').map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
};

/** Chooses the first `count` options of the question on screen with the number keys. */
async function answerWithKeys(page: Page, count: number) {
  for (let k = 1; k <= count; k++) await page.keyboard.press(String(k));
}

describe('a practice exam from sign-up to history', () => {
  it('signs up, practises, survives a reload, submits, reviews and finds the attempt in history', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    // Signed out: any page leads to the sign-in page.
    await page.goto(`${baseUrl}/history`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');

    await page.getByRole('link', { name: 'Create an account' }).click();
    // The sign-up page is a lazy chunk: until it replaces the sign-in form, "Email" is that form's.
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByLabel('Email').fill(uniqueEmail('flow'));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Back where the user was heading, signed in.
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await page.getByText('No attempts yet').waitFor();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Let’s find your starting point' }).waitFor();
    await page.getByRole('link', { name: 'Set up a practice' }).click();

    // A 5-question timed practice with feedback at the end.
    await page.getByLabel('Number of questions').fill('5');
    await page.getByRole('radio', { name: 'Timed', exact: true }).check();
    await page.getByLabel('Time limit in minutes').fill('10');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    const attemptId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const client = api(page, baseUrl);
    const attempt: AttemptResponse = await client.getAttempt(attemptId);
    expect(attempt.questionCount).toBe(5);
    const q = (position: number) => attempt.questions[position - 1] as AttemptResponse['questions'][number];

    await page.getByRole('heading', { name: 'Question 1 of 5' }).waitFor();
    expect(await clockSeconds(page)).toBeGreaterThan(590);

    // Question 1 by clicking its options.
    for (const option of q(1).options.slice(0, q(1).choose)) {
      await optionById(page, option.id).click();
    }
    await page.getByRole('button', { name: /^Next/ }).click();

    // Question 2 by keyboard, flagged with F; one choice too many is refused.
    await page.getByRole('heading', { name: 'Question 2 of 5' }).waitFor();
    await answerWithKeys(page, q(2).choose);
    if (q(2).choose > 1) {
      await page.keyboard.press(String(q(2).choose + 1));
      await page.getByText(/You can choose only/).waitFor();
      expect(await page.locator('.option input:checked').count()).toBe(q(2).choose);
    }
    await page.keyboard.press('f');
    await page.getByText('Flagged for review', { exact: true }).waitFor();
    await page.keyboard.press('ArrowRight');

    // Question 3 answered, then stay on it for the reload.
    await page.getByRole('heading', { name: 'Question 3 of 5' }).waitFor();
    await answerWithKeys(page, q(3).choose);
    await waitForSaved(page);
    const before = await clockSeconds(page);

    await page.reload();
    await page.getByRole('heading', { name: 'Question 3 of 5' }).waitFor();
    expect(await page.locator('.option input:checked').count()).toBe(q(3).choose);
    await expect.poll(() => page.getByRole('button', { name: 'Question 1, answered' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Question 2, answered, flagged' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Question 4, unanswered' }).count()).toBe(1);
    // The clock continued from the server's deadline: not reset, and only seconds have passed.
    const after = await clockSeconds(page);
    expect(after).toBeLessThanOrEqual(before);
    expect(before - after).toBeLessThan(15);

    // The server holds exactly what the screen shows.
    const stored = await client.getAttempt(attemptId);
    for (const position of [1, 2, 3]) {
      expect(stored.questions[position - 1]?.answer?.selected).toEqual(
        q(position)
          .options.slice(0, q(position).choose)
          .map((o) => o.id),
      );
    }
    expect(stored.questions[1]?.answer?.flagged).toBe(true);
    expect(stored.questions[3]?.answer ?? null).toBeNull();

    // Submit: the dialog says what is still open.
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
    await dialog.waitFor();
    await dialog.getByText(/2 questions\s*unanswered/).waitFor();
    await dialog.getByText(/1 question\s*flagged for review/).waitFor();
    await dialog.getByRole('button', { name: 'Submit now' }).click();

    await page.waitForURL(`${baseUrl}/attempts/${attemptId}/results`);
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
    // A practice set shows its percentage: only mocks get an estimated scaled score and a verdict.
    await page.getByText(/No scaled score/).waitFor();
    expect(await page.getByText('estimated scaled score').count()).toBe(0);
    expect(await page.locator('.verdict-large').count()).toBe(0);
    // Time per question against the exam's 2 minutes, with the pace through the attempt.
    await page.getByRole('heading', { name: 'Time per question' }).waitFor();
    await page.getByText(/^Finished (ahead of|behind) the exam's pace by/).waitFor();
    expect(await page.locator('.time-bars li').count()).toBe(5);
    expect(await page.locator('.bar-row').count()).toBeGreaterThan(0);

    // Review the missed questions (the two unanswered at least).
    await page.getByRole('link', { name: /Review the \d+ missed questions?/ }).click();
    await page.waitForURL(/review\?filter=missed/);
    await page.locator('.review-item').first().waitFor();
    const wrongCount = await page.locator('.review-item').count();
    expect(wrongCount).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.review-item .tag-correct').count()).toBeGreaterThanOrEqual(wrongCount);
    await page.locator('.review-item .rationale').first().waitFor();
    await page.getByText('Topic:').first().waitFor();
    expect(await page.getByRole('link', { name: /^Missed/ }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: /^Flagged/ }).click();
    await expect.poll(() => page.locator('.review-item').count()).toBe(1);

    // "Practise the 1 flagged question" starts exactly that question again, with its answer after it.
    await page.getByRole('button', { name: 'Practise the 1 flagged question' }).click();
    await page.waitForURL((url) => /^\/attempts\/[0-9a-f-]+$/.test(url.pathname) && !url.pathname.endsWith(attemptId));
    await page.getByRole('heading', { name: 'Question 1 of 1' }).waitFor();
    await page.getByRole('link', { name: 'Save and exit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // History lists the attempt with its score and a link to its results.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    const row = page.locator('tbody tr', { has: page.locator(`a[href="/attempts/${attemptId}/results"]`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Practice');
    await page.getByText('Score trend').waitFor();

    // Sign out ends the session: protected pages lead to sign-in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.close();
  });
});
