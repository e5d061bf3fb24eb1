import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository (or image) root: the nearest folder above this module that holds
 * prisma/schema.prisma. Works from the TypeScript sources and from the bundled dist/ alike.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'prisma', 'schema.prisma'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find prisma/schema.prisma above the API sources');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();
export const PRISMA_DIR = path.join(PROJECT_ROOT, 'prisma');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'apps', 'web', 'dist');
export const BANK_DATA_DIR = path.join(PROJECT_ROOT, 'packages', 'question-bank', 'data');
/** The bank as checked JSON, written by the API build so that a start need not parse and gate the YAML. */
export const BUILT_BANK_PATH = path.join(PROJECT_ROOT, 'apps', 'api', 'dist', 'bank.json');
