import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
 * A real Chromium: CHROME_PATH if set, else a system Chromium/Chrome, else the headless build that
 * @sparticuz/chromium ships inside its npm package (so a machine with only Node.js can run these).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (executablePath) {
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'saa-chromium-'));
    return chromium.launch({ executablePath, headless: true, args: [...FLAGS, `--user-data-dir=${userDataDir}`] });
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  // Its defaults target serverless sandboxes: one process (closing the last page kills the
  // browser) and web security off. Tests must see what users see, so keep those at browser defaults.
  const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
  const args = [...bundled.args.filter((a) => !dropped.has(a)), ...FLAGS];
  return chromium.launch({ executablePath: await bundled.executablePath(), headless: true, args });
}
