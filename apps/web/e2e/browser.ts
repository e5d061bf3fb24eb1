import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

// Flags that let Chromium run as root in a closed network without phoning home.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Which browser the e2e tests drive. `E2E_BROWSER=bundled` forces the build inside
 * @sparticuz/chromium, `E2E_BROWSER=system` demands CHROME_PATH or a system Chromium/Chrome;
 * unset, the first one found wins and the bundled build is the fallback (a machine with only
 * Node.js can run these).
 */
export function pickBrowser(
  env: NodeJS.ProcessEnv = process.env,
): { kind: 'system'; path: string } | { kind: 'bundled' } {
  const choice = env.E2E_BROWSER ?? 'auto';
  if (!['auto', 'system', 'bundled'].includes(choice)) {
    throw new Error(`E2E_BROWSER must be auto, system or bundled (got "${choice}")`);
  }
  if (choice === 'bundled') return { kind: 'bundled' };
  const found = env.CHROME_PATH || SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (found) return { kind: 'system', path: found };
  if (choice === 'system') {
    throw new Error('E2E_BROWSER=system but no CHROME_PATH is set and no Chromium/Chrome is installed');
  }
  return { kind: 'bundled' };
}

export async function launchBrowser(): Promise<Browser> {
  const picked = pickBrowser();
  if (picked.kind === 'system') {
    // Playwright gives every launch its own temporary profile; a --user-data-dir flag is refused.
    return chromium.launch({ executablePath: picked.path, headless: true, args: FLAGS });
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  // Its defaults target serverless sandboxes: one process (closing the last page kills the
  // browser) and web security off. Tests must see what users see, so keep those at browser defaults.
  const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
  const args = [...bundled.args.filter((a) => !dropped.has(a)), ...FLAGS];
  return chromium.launch({ executablePath: await bundled.executablePath(), headless: true, args });
}
