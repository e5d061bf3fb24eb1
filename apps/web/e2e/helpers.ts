import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AttemptResponse, CreateAttemptRequest, SaveAnswerResponse } from '@saa/contract/attempts';
import type { CatalogResponse } from '@saa/contract/catalog';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
export const PASSWORD = 'correct horse battery staple';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 375, height: 812 } as const;

let counter = 0;
export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${++counter}@example.com`;

export async function newContext(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
}

/** A fresh account, signed in through the API (the cookie lands in the page's context). */
export async function signUpViaApi(page: Page, baseUrl: string, label = 'user'): Promise<string> {
  const email = uniqueEmail(label);
  const response = await page.request.post(`${baseUrl}/api/auth/signup`, { data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(201);
  return email;
}

/** JSON API calls with the page's session cookie, for setting up data and checking what the server stored. */
export function api(page: Page, baseUrl: string) {
  const call = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, expected = 200): Promise<T> => {
    const response = await page.request.fetch(`${baseUrl}/api${path}`, { method, data });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(expected);
    return (await response.json()) as T;
  };
  return {
    createAttempt: (request: CreateAttemptRequest) => call<AttemptResponse>('POST', '/attempts', request, 201),
    getAttempt: (id: string) => call<AttemptResponse>('GET', `/attempts/${id}`),
    save: (id: string, position: number, body: { selected: string[]; flagged: boolean; seq: number }) =>
      call<SaveAnswerResponse>('PUT', `/attempts/${id}/answers/${position}`, body),
    submit: (id: string) => call<unknown>('POST', `/attempts/${id}/submit`),
  };
}

interface FinishOptions {
  /** Share of questions answered at all. */
  answered?: number;
  /** Answer keys by question stem (see learnKeys; running attempts carry no bank ids); known questions are answered right, except every 7th. */
  keys?: Map<string, string[]>;
}

/**
 * A finished attempt built through the API. Without known keys the first options are chosen,
 * which scores like guessing; with keys the score is high, for a realistic-looking history.
 */
export async function finishedAttempt(
  page: Page,
  baseUrl: string,
  request: CreateAttemptRequest,
  { answered = 0.8, keys }: FinishOptions = {},
) {
  const client = api(page, baseUrl);
  const attempt = await client.createAttempt(request);
  let seq = 1;
  const toAnswer = Math.round(attempt.questionCount * answered);
  for (const q of attempt.questions.slice(0, toAnswer)) {
    const key = keys?.get(q.stem);
    const selected = key && q.position % 7 !== 0 ? key : q.options.slice(0, q.choose).map((o) => o.id);
    await client.save(attempt.id, q.position, { selected, flagged: q.position % 9 === 4, seq: seq++ });
  }
  await client.submit(attempt.id);
  return attempt;
}

/**
 * Learns the keys of every question in some sections: an immediate-feedback practice returns
 * the correct options with each complete answer (that run itself scores like guessing).
 */
export async function learnKeys(page: Page, baseUrl: string, maxQuestions: number) {
  const catalog = (await (await page.request.get(`${baseUrl}/api/catalog`)).json()) as CatalogResponse;
  const sections: string[] = [];
  let total = 0;
  for (const section of catalog.sections) {
    if (total + section.questionCount > maxQuestions) continue;
    sections.push(section.id);
    total += section.questionCount;
  }
  const client = api(page, baseUrl);
  const request = { mode: 'practice', sections, questionCount: total, feedback: 'immediate' } as const;
  const attempt = await client.createAttempt({ ...request, timeLimitMinutes: null });
  const keys = new Map<string, string[]>();
  let seq = 1;
  for (const q of attempt.questions) {
    const selected = q.options.slice(0, q.choose).map((o) => o.id);
    const saved = await client.save(attempt.id, q.position, { selected, flagged: false, seq: seq++ });
    if (saved.feedback) keys.set(q.stem, saved.feedback.correctOptionIds);
  }
  await client.submit(attempt.id);
  return { keys, request: { ...request, feedback: 'deferred' as const, timeLimitMinutes: total * 2 } };
}

// axe-core's browser bundle. page.addScriptTag({ content }) would add an inline <script>, which the
// app's CSP (script-src 'self') rightly blocks; evaluating the same source through the DevTools
// protocol is not subject to the page's CSP, so the app is tested with its real headers.
const require = createRequire(import.meta.url);
let axeSource: string | null = null;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Fails on any serious or critical WCAG violation axe-core finds on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page, label: string) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at runtime, without types in the page
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations as AxeViolation[];
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n  ')}`,
    )
    .join('\n');
  expect(serious, `axe on ${label}:\n${report}`).toEqual([]);
}

export async function screenshot(page: Page, name: string, fullPage = true) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Let charts measure themselves and fonts settle before the picture.
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/** Waits until the exam's autosave indicator says everything reached the server. */
/**
 * The on-page option of the current question with this id. By id, not by text: an option's text
 * can be part of another's ("S3 Standard" in "S3 Standard-IA").
 */
export function optionById(page: Page, optionId: string) {
  return page.locator('.option', { has: page.locator(`input[value="${optionId}"]`) });
}

export async function waitForSaved(page: Page) {
  await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 15_000 });
}
