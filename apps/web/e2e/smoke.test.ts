import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { newContext, PASSWORD, signUpViaApi } from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the built app in a real Chromium', () => {
  it('serves the SPA at / and sends a visitor without a session to sign in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const csp: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
      if (message.type() === 'error') errors.push(message.text());
    });
    // Violations a script catches itself (a library probing for eval) never reach the console;
    // Chromium still reports them as issues, as Lighthouse's best-practices audit does.
    const devtools = await context.newCDPSession(page);
    await devtools.send('Audits.enable');
    devtools.on('Audits.issueAdded', ({ issue }) => {
      if (issue.code === 'ContentSecurityPolicyIssue') csp.push(JSON.stringify(issue.details));
    });
    await page.goto(baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(new URL(page.url()).pathname).toBe('/signin');
    // Issues arrive a moment after the page has run its scripts.
    await page.waitForTimeout(500);
    // The app runs under the API's strict CSP (script-src 'self') without a single violation.
    expect(csp).toEqual([]);
    // A first visit without a session logs no error (not even a failed 401 request).
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps client-side routes working on reload', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUpViaApi(page, baseUrl, 'smoke');
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.goto(`${baseUrl}/history`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('History');
    await context.close();
  });

  it('opens a returning user’s page at once, and still sends them to sign in when the session has ended', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = await signUpViaApi(page, baseUrl, 'returning');
    await page.goto(`${baseUrl}/history`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('History');
    // The device remembers who was signed in; the next visit draws the page without waiting for
    // the session check (the frame shows the remembered email before any request could answer).
    let releaseSession = () => {};
    const sessionHeld = new Promise<void>((resolve) => {
      releaseSession = resolve;
    });
    await page.route('**/api/auth/session', async (route) => {
      await sessionHeld;
      await route.continue();
    });
    await page.reload();
    await expect.poll(() => page.locator('.user-email').textContent()).toBe(email);
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/session'));
    releaseSession();
    await answered;
    await page.unroute('**/api/auth/session');

    // The session ends on the server (cookie gone); the remembered user only stands in until the
    // server answers, then the visitor is sent to sign in and comes back after.
    await context.clearCookies();
    await page.reload();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).search).toBe('?next=%2Fhistory');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await context.close();
  });

  it('returns a visitor to the page they came for after signing in, never to another site', async () => {
    const setup = await newContext(browser);
    const email = await signUpViaApi(await setup.newPage(), baseUrl, 'return');
    await setup.close();
    const signIn = async (page: Page) => {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/history`);
    await expect.poll(() => new URL(page.url()).search).toBe('?next=%2Fhistory');
    await signIn(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('History');
    expect(new URL(page.url()).pathname).toBe('/history');
    await context.close();

    for (const next of ['//evil.example/phish', 'https://evil.example/phish']) {
      const fresh = await newContext(browser);
      const other = await fresh.newPage();
      await other.goto(`${baseUrl}/signin?next=${encodeURIComponent(next)}`);
      await signIn(other);
      await expect.poll(() => new URL(other.url()).pathname).toBe('/');
      expect(new URL(other.url()).origin).toBe(new URL(baseUrl).origin);
      await fresh.close();
    }
  });

  it('follows the system colour scheme and remembers a manual choice', async () => {
    const context = await newContext(browser, { colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signin`);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await background();
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const light = await background();
    expect(light).not.toBe(dark);
    await page.reload();
    await page.getByRole('button', { name: 'Switch to dark theme' }).waitFor();
    expect(await background()).toBe(light);
    await context.close();
  });
});
