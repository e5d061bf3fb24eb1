import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import {
  api,
  DESKTOP,
  expectNoSeriousA11yViolations,
  finishedAttempt,
  learnKeys,
  MOBILE,
  newContext,
  screenshot,
  signUpViaApi,
} from './helpers.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
/** The signed-in state of a user with some history, reused by every viewport and theme. */
let storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
let finishedId = '';
let runningId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUpViaApi(page, baseUrl, 'pages');
  // A history that climbs: guessing at first, then a mock, then a well-prepared practice.
  await finishedAttempt(
    page,
    baseUrl,
    { mode: 'practice', questionCount: 12, timeLimitMinutes: 30 },
    { answered: 0.7 },
  );
  const learned = await learnKeys(page, baseUrl, 60);
  await finishedAttempt(page, baseUrl, { mode: 'mock' }, { answered: 0.95 });
  finishedId = (await finishedAttempt(page, baseUrl, learned.request, { answered: 0.95, keys: learned.keys })).id;
  const running = await api(page, baseUrl).createAttempt({ mode: 'mock' });
  runningId = running.id;
  const first = running.questions[0];
  if (first)
    await api(page, baseUrl).save(runningId, 1, { selected: [first.options[0]?.id ?? 'a'], flagged: true, seq: 1 });
  storageState = await context.storageState();
  await context.close();
});
afterAll(() => browser?.close());

interface PageCase {
  name: string;
  path: () => string;
  ready: (page: Page) => Promise<unknown>;
  shot: boolean;
  /** Long pages (the review lists every question) are pictured one screen high. */
  fullPage?: boolean;
}

const PAGES: PageCase[] = [
  {
    name: 'dashboard',
    path: () => '/',
    ready: (p) => p.locator('.dashboard-grid svg').first().waitFor(),
    shot: true,
  },
  {
    name: 'practice-setup',
    path: () => '/practice',
    ready: (p) => p.getByRole('button', { name: 'Start practice' }).waitFor(),
    shot: false,
  },
  {
    name: 'exam',
    path: () => `/attempts/${runningId}`,
    ready: (p) => p.locator('.question').waitFor(),
    shot: true,
  },
  {
    name: 'results',
    path: () => `/attempts/${finishedId}/results`,
    ready: (p) => p.locator('.score-card').waitFor(),
    shot: true,
  },
  {
    name: 'review',
    path: () => `/attempts/${finishedId}/review?filter=wrong`,
    ready: (p) => p.locator('.review-item').first().waitFor(),
    shot: true,
    fullPage: false,
  },
  {
    name: 'history',
    path: () => '/history',
    ready: (p) => p.locator('.attempt-table').waitFor(),
    shot: true,
  },
  {
    name: 'not-found',
    path: () => '/no/such/page',
    ready: (p) => p.getByRole('heading', { name: 'Page not found' }).waitFor(),
    shot: false,
  },
];

// axe runs in two variants, which between them cover each theme (contrast) and each width
// (layout, target sizes); both also check every page for sideways overflow and picture it. The other
// two only picture the pages shown in the README and check the exam's dialogs: no rule depends on
// the pair, and visiting every page four times made this the suite's longest file.
const VARIANTS = [
  { label: 'desktop-light', viewport: DESKTOP, colorScheme: 'light' as const, axe: true, pages: null },
  { label: 'desktop-dark', viewport: DESKTOP, colorScheme: 'dark' as const, axe: false, pages: ['exam', 'history'] },
  { label: 'mobile-light', viewport: MOBILE, colorScheme: 'light' as const, axe: false, pages: ['exam'] },
  { label: 'mobile-dark', viewport: MOBILE, colorScheme: 'dark' as const, axe: true, pages: null },
];

describe('every page: accessibility and screenshots', () => {
  // The four variants share nothing but the signed-in state, so they run side by side in one
  // browser: the checks mostly wait on rendering and axe, and this file is the suite's longest.
  for (const variant of VARIANTS) {
    it.concurrent(`signed-in pages ${variant.axe ? 'pass axe and fit' : 'are pictured'} (${variant.label})`, async ({
      expect,
    }) => {
      const context = await browser.newContext({
        viewport: variant.viewport,
        colorScheme: variant.colorScheme,
        reducedMotion: 'reduce',
        storageState,
      });
      const page = await context.newPage();
      for (const entry of PAGES.filter((p) => variant.pages === null || variant.pages.includes(p.name))) {
        await page.goto(`${baseUrl}${entry.path()}`);
        await entry.ready(page);
        if (variant.axe) await expectNoSeriousA11yViolations(page, `${entry.name} (${variant.label})`);
        // Nothing may overflow sideways at 375 px (tables scroll inside their own box).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${entry.name} overflows horizontally (${variant.label})`).toBeLessThanOrEqual(0);
        if (entry.shot) await screenshot(page, `${entry.name}-${variant.label}`, entry.fullPage ?? true);
      }

      // The exam's dialogs, opened from the keyboard.
      await page.goto(`${baseUrl}/attempts/${runningId}`);
      await page.locator('.question').waitFor();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      if (variant.axe) await expectNoSeriousA11yViolations(page, `shortcuts dialog (${variant.label})`);
      await page.keyboard.press('Escape');
      // The dialog hands focus back from its close event, a task after it hides: focusing Submit
      // before that event would see focus moved back under the test's feet.
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
      await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve))));
      const submit = page.getByRole('button', { name: 'Submit', exact: true });
      await submit.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
      await dialog.waitFor();
      // Focus starts on the safe choice, inside the dialog...
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep working');
      if (variant.axe) await expectNoSeriousA11yViolations(page, `submit dialog (${variant.label})`);
      if (variant.label === 'desktop-light') await screenshot(page, 'submit-dialog-desktop-light');
      // ...and returns to the Submit button when the dialog closes.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Submit');
      await context.close();
    });
  }

  it('signed-out pages and the new-user dashboard pass axe in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await newContext(browser, { colorScheme });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/signin`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expectNoSeriousA11yViolations(page, `sign-in (${colorScheme})`);
      await screenshot(page, `signin-desktop-${colorScheme}`);
      await page.goto(`${baseUrl}/signup`);
      await page.getByRole('heading', { name: 'Create an account' }).waitFor();
      // A failed submit shows errors tied to their fields.
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('Enter an email address like name@example.com.').waitFor();
      await expectNoSeriousA11yViolations(page, `sign-up with errors (${colorScheme})`);
      await signUpViaApi(page, baseUrl, 'newcomer');
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { name: 'Let’s find your starting point' }).waitFor();
      await expectNoSeriousA11yViolations(page, `new-user dashboard (${colorScheme})`);
      await screenshot(page, `dashboard-new-user-desktop-${colorScheme}`);
      await context.close();
    }
  });
});
