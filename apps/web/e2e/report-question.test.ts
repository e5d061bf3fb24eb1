import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { api, expectNoSeriousA11yViolations, newContext, screenshot, signUpViaApi } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('reporting a problem with a question', () => {
  it('sends a report from the review, and says so when one is already open', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'report');
    const client = api(page, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3 });
    await client.submit(attempt.id);

    await page.goto(`${baseUrl}/attempts/${attempt.id}/review`);
    const first = page.locator('.review-item').first();
    await first.waitFor();
    await first.getByRole('button', { name: 'Report a problem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a problem with this question' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Something else' }).check();
    // "Something else" needs a word of explanation before it can be sent.
    expect(await dialog.getByRole('button', { name: 'Send report' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'The answer key is wrong' }).check();
    await dialog.getByLabel(/Details/).fill('The second option is right too.');
    await expectNoSeriousA11yViolations(page, 'report dialog');
    await screenshot(page, 'report-dialog-desktop', false);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await first.getByText("Thanks: your report is with the question's authors.").waitFor();

    // After a reload the same question cannot take a second open report.
    await page.reload();
    await first.waitFor();
    await first.getByRole('button', { name: 'Report a problem' }).click();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/already have an open report/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await context.close();
  });
});
