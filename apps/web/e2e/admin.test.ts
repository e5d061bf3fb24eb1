import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { api, expectNoSeriousA11yViolations, newContext, screenshot, signUpViaApi } from './helpers.ts';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the operator's items page", () => {
  it('is a 404 for users, and for an admin lists reported items with key, statistics and reports', async () => {
    // A user reports a question from a finished practice.
    const userContext = await newContext(browser);
    const userPage = await userContext.newPage();
    await signUpViaApi(userPage, baseUrl, 'reporter');
    const client = api(userPage, baseUrl);
    const attempt = await client.createAttempt({ mode: 'practice', questionCount: 3 });
    await client.submit(attempt.id);
    const review = await (await userPage.request.get(`${baseUrl}/api/attempts/${attempt.id}/review`)).json();
    const questionId: string = review.items[0].questionId;
    const reported = await userPage.request.post(`${baseUrl}/api/questions/${questionId}/reports`, {
      data: { reason: 'wrong_key', text: 'B is right as well.' },
    });
    expect(reported.status()).toBe(201);

    // Users see no Items link, and the page is the same "not found" as any unknown address.
    await userPage.goto(`${baseUrl}/admin`);
    await userPage.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await userPage.getByRole('link', { name: 'Items' }).count()).toBe(0);
    await userContext.close();

    // The operator grants the role from the command line.
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = await signUpViaApi(page, baseUrl, 'operator');
    // The built form of `pnpm user:grant-admin` (the same code): the e2e tests run the built app.
    const { stdout } = await promisify(execFile)(process.execPath, ['apps/api/dist/db-cli.js', 'grant-admin', email], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(stdout).toContain('is now an admin');

    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Items' }).waitFor();
    const card = page.locator('.admin-item', { has: page.getByRole('heading', { name: questionId }) });
    await card.waitFor();
    await card.getByText('B is right as well.').waitFor();
    expect(await card.getByText('(key)').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'admin items');
    await screenshot(page, 'admin-items-desktop', false);

    await card.getByRole('button', { name: 'Suspend from mocks' }).click();
    await card.getByText('Out of mocks').waitFor();
    await card.getByRole('button', { name: 'Put back into mocks' }).click();
    await card.getByRole('button', { name: 'Suspend from mocks' }).waitFor();

    await page.getByRole('link', { name: 'Hard' }).click();
    await page.getByText('Nothing here right now.').waitFor();
    await context.close();
  });
});
