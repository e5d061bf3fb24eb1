import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoSeriousA11yViolations, newContext, PASSWORD, screenshot, signUpViaApi } from './helpers.ts';

const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const NEW_PASSWORD = 'seven violet tractors hum softly';

const apiLogin = async (email: string, password: string) =>
  (
    await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).status;

describe('the account page', () => {
  it('changes the password, downloads my data and signs out everywhere', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = await signUpViaApi(page, baseUrl, 'account');
    await page.goto(`${baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'account');
    await screenshot(page, 'account-desktop');

    // A wrong current password is a field error; a common new one too.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password').waitFor();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('password123');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/^This password is too easy to guess/).waitFor();
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Other devices are signed out.').waitFor();
    expect(await apiLogin(email, NEW_PASSWORD)).toBe(200);
    expect(await apiLogin(email, PASSWORD)).toBe(401);

    // The data download is the export of this account.
    const link = page.getByRole('link', { name: 'Download my data' });
    expect(await link.getAttribute('download')).not.toBeNull();
    const download = await page.request.get(`${baseUrl}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect((await download.json()).user.email).toBe(email);

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(`${baseUrl}/signin`);
    expect((await page.request.get(`${baseUrl}/api/auth/me`)).status()).toBe(401);
    await context.close();
  });

  it('deletes the account only with the password and a confirmation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = await signUpViaApi(page, baseUrl, 'delete');
    await page.goto(`${baseUrl}/account`);
    const remove = page.getByRole('button', { name: 'Delete my account' });
    await remove.waitFor();
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel('Your password, to confirm').fill(PASSWORD);
    await page.getByLabel('I understand that this cannot be undone.').check();
    await remove.click();
    await page.waitForURL(`${baseUrl}/signup`);
    expect(await apiLogin(email, PASSWORD)).toBe(401);
    await context.close();
  });
});

describe('a forgotten password', () => {
  it('is set again from the one-time link the operator command prints', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = await signUpViaApi(page, baseUrl, 'forgot');
    // The built form of `pnpm user:reset-password` (the same code): the e2e tests run the built app.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['apps/api/dist/db-cli.js', 'reset-password', email],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, PUBLIC_URL: baseUrl },
      },
    );
    const url = stdout.match(/https?:\/\/\S+\/reset-password#token=[A-Za-z0-9_-]+/)?.[0];
    expect(url, stdout).toBeDefined();

    await page.goto(url ?? '');
    await page.getByRole('heading', { level: 1, name: 'Set a new password' }).waitFor();
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText(/Your password is set/).waitFor();
    expect(await apiLogin(email, NEW_PASSWORD)).toBe(200);
    // The link works once.
    const again = await context.newPage();
    await again.goto(url ?? '');
    await again.getByLabel('New password').fill(NEW_PASSWORD);
    await again.getByRole('button', { name: 'Set the new password' }).click();
    await again.getByText(/This reset link is unknown, already used or expired/).waitFor();
    await context.close();
  });
});
