// Shared by start.mjs and test.mjs: find pnpm (or fetch the pinned one through npx), install the
// workspace when needed, and rebuild outputs whose sources changed. Node built-ins only, because
// this runs before any dependency is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PNPM_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split('@')[1];

function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (version === PNPM_VERSION) return ['pnpm'];
  } catch {}
  // corepack cannot verify pnpm's signatures on some machines; npx fetches the pinned version.
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

const PNPM = pnpmCommand();

export function pnpm(...args) {
  const [command, ...prefix] = PNPM;
  const result = spawnSync(command, [...prefix, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'generated') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when `output` is missing or older than any of `inputs` (files or folders). */
export function isStale(output, inputs) {
  const built = newestMtime(path.join(ROOT, output));
  return built === 0 || inputs.some((input) => newestMtime(path.join(ROOT, input)) > built);
}

export function ensureInstalled() {
  if (isStale('node_modules/.modules.yaml', ['pnpm-lock.yaml', 'package.json'])) {
    console.log('[saa] installing dependencies (first run)…');
    pnpm('install', '--frozen-lockfile');
  }
  if (isStale('apps/api/src/generated/prisma/client.ts', ['prisma/schema.prisma']))
    pnpm('--filter', '@saa/api', 'generate');
}

const SHARED = ['packages/contract/src', 'packages/question-bank/src'];

export function ensureWebBuilt() {
  if (
    isStale('apps/web/dist/index.html', ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', ...SHARED])
  ) {
    console.log('[saa] building the web app…');
    pnpm('--filter', '@saa/web', 'build');
  }
}

export function ensureApiBuilt() {
  if (isStale('apps/api/dist/server.js', ['apps/api/src', 'prisma/schema.prisma', ...SHARED])) {
    console.log('[saa] building the API…');
    pnpm('--filter', '@saa/api', 'build');
  }
}
