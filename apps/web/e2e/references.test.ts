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

const AWS_DOCS = /^https:\/\/(docs\.)?aws\.amazon\.com\//;

describe('AWS documentation references', () => {
  it('are links on every reviewed question, opening in a new tab', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'references');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3, timeLimitMinutes: null });
    await client.submit(attempt.id);

    await page.goto(`${baseUrl}/attempts/${attempt.id}/review`);
    const blocks = page.locator('.doc-references');
    await blocks.first().waitFor();
    expect(await blocks.count()).toBe(3);
    const links = blocks.locator('a');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    for (const link of await links.all()) {
      expect(await link.getAttribute('href')).toMatch(AWS_DOCS);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect((await link.textContent())?.trim().length ?? 0).toBeGreaterThan(3);
    }
    await context.close();
  });

  it('are links in immediate feedback once a question is answered', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'references-feedback');
    const attempt = await api(page, baseUrl).createAttempt({
      mode: 'practice',
      questionCount: 2,
      timeLimitMinutes: null,
      feedback: 'immediate',
    });
    const first = attempt.questions[0];
    if (!first) throw new Error('the practice has no questions');

    await page.goto(`${baseUrl}/attempts/${attempt.id}`);
    const options = page.locator('label.option');
    await options.first().waitFor();
    // Choose as many options as the question asks for; the verdict and its references follow.
    for (let i = 0; i < first.choose; i++) await options.nth(i).click();
    const feedback = page.locator('.feedback .doc-references a');
    await feedback.first().waitFor();
    expect(await feedback.first().getAttribute('href')).toMatch(AWS_DOCS);
    await context.close();
  });
});
