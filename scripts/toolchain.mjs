// Shared by start.mjs and test.mjs: find pnpm (or fetch the pinned one through npx), install the
// workspace when needed, and rebuild outputs whose sources changed. Node built-ins only, because
// this runs before any dependency is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

// Asking pnpm its version costs about half a second, so only when something must run.
let PNPM = null;

export function pnpm(...args) {
  PNPM ??= pnpmCommand();
  const [command, ...prefix] = PNPM;
  const result = spawnSync(command, [...prefix, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const SKIPPED = new Set(['node_modules', 'dist', 'generated', 'test-results']);

// Hashing every source on each start costs about a second, so a file's digest is reused while its
// size and modification time are unchanged (as git does). The digest still covers every file's
// path and content: a deleted, added or edited file always changes it.
const CACHE_FILE = path.join(ROOT, 'node_modules/.cache/saa/file-digests.json');
let fileDigests = null;
let cacheDirty = false;

function cachedFileDigest(full, stat) {
  if (fileDigests === null) {
    try {
      fileDigests = new Map(Object.entries(JSON.parse(readFileSync(CACHE_FILE, 'utf8'))));
    } catch {
      fileDigests = new Map();
    }
    process.once('exit', () => {
      if (!cacheDirty) return;
      try {
        mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
        writeFileSync(CACHE_FILE, JSON.stringify(Object.fromEntries(fileDigests)));
      } catch {}
    });
  }
  const key = `${full}|${stat.size}|${stat.mtimeMs}`;
  let digest = fileDigests.get(key);
  if (!digest) {
    digest = createHash('sha256').update(readFileSync(full)).digest('hex');
    fileDigests.set(key, digest);
    cacheDirty = true;
  }
  return digest;
}

/**
 * A digest of the inputs' paths and contents (files or folders, relative to `root`): any edit,
 * added or deleted file changes it, whatever the modification times say (a checkout, a restore
 * from a cache or a deleted file leaves times that prove nothing on their own).
 */
export function inputsDigest(inputs, root = ROOT, { cache = root === ROOT } = {}) {
  const hash = createHash('sha256');
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) {
      hash.update(`missing:${relative}\0`);
      return;
    }
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (!SKIPPED.has(entry)) visit(path.join(relative, entry));
      }
      return;
    }
    hash.update(`file:${relative.split(path.sep).join('/')}\0`);
    hash.update(cache ? cachedFileDigest(full, stat) : readFileSync(full));
    hash.update('\0');
  };
  for (const input of [...inputs].sort()) visit(input);
  return hash.digest('hex');
}

/** Where a build records the digest of the inputs it was made from (never inside a served folder). */
const stampOf = (output) =>
  path.join(ROOT, 'node_modules/.cache/saa', `${output.replace(/[^a-z0-9.]+/gi, '_')}.sha256`);

/** True when `output` is missing or was built from other inputs than the current ones. */
export function isStale(output, inputs) {
  if (!existsSync(path.join(ROOT, output))) return true;
  const stamp = stampOf(output);
  return !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== inputsDigest(inputs);
}

/** Runs `build` when `output` is stale, then records the inputs it was built from. */
function buildIfStale(output, inputs, message, build) {
  if (!isStale(output, inputs)) return;
  console.log(message);
  build();
  mkdirSync(path.dirname(stampOf(output)), { recursive: true });
  writeFileSync(stampOf(output), `${inputsDigest(inputs)}\n`);
}

const MANIFESTS = ['pnpm-lock.yaml', 'package.json'];

export function ensureInstalled() {
  // node_modules/.modules.yaml is pnpm's own record of an install; the digest of the manifests
  // says whether that install matches them.
  const installed = 'node_modules/.modules.yaml';
  buildIfStale(installed, MANIFESTS, '[saa] installing dependencies…', () => pnpm('install', '--frozen-lockfile'));
  buildIfStale(
    'apps/api/src/generated/prisma/client.ts',
    ['prisma/schema.prisma'],
    '[saa] generating the Prisma client…',
    () => pnpm('--filter', '@saa/api', 'generate'),
  );
}

const SHARED = ['packages/contract/src', 'packages/question-bank/src', 'packages/question-bank/data', ...MANIFESTS];

export const WEB_INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'apps/web/tsconfig.json',
  ...SHARED,
];
export const API_INPUTS = ['apps/api/src', 'apps/api/scripts', 'apps/api/package.json', 'prisma', ...SHARED];

export function ensureWebBuilt() {
  buildIfStale('apps/web/dist/index.html', WEB_INPUTS, '[saa] building the web app…', () =>
    pnpm('--filter', '@saa/web', 'build'),
  );
}

export function ensureApiBuilt() {
  buildIfStale('apps/api/dist/server.js', API_INPUTS, '[saa] building the API…', () =>
    pnpm('--filter', '@saa/api', 'build'),
  );
}
