import { describe, expect, it } from 'vitest';
import { pickBrowser } from './browser.ts';

describe('picking the browser for the e2e tests', () => {
  it('takes CHROME_PATH first, forces the bundled build on request, and refuses unknown choices', () => {
    expect(pickBrowser({ CHROME_PATH: '/opt/chrome/chrome' })).toEqual({ kind: 'system', path: '/opt/chrome/chrome' });
    expect(pickBrowser({ CHROME_PATH: '/opt/chrome/chrome', E2E_BROWSER: 'system' })).toEqual({
      kind: 'system',
      path: '/opt/chrome/chrome',
    });
    expect(pickBrowser({ CHROME_PATH: '/opt/chrome/chrome', E2E_BROWSER: 'bundled' })).toEqual({ kind: 'bundled' });
    expect(() => pickBrowser({ E2E_BROWSER: 'firefox' })).toThrow(/auto, system or bundled/);
  });

  it('finds a system Chromium when there is one, and says so when one is demanded but missing', () => {
    const found = pickBrowser({});
    if (found.kind === 'system') {
      expect(found.path).toMatch(/chrom/);
    } else {
      expect(() => pickBrowser({ E2E_BROWSER: 'system' })).toThrow(/no CHROME_PATH/);
    }
  });
});
