import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './load-sources.ts';

/**
 * A digest of every source file (names and contents). Reading and hashing the raw files takes a
 * few milliseconds, far less than parsing and gating them, so a saved build of the bank can be
 * reused exactly when its sources are unchanged.
 */
export function sourcesDigest(dataDir: string = DATA_DIR): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else
        hash
          .update(`${path.relative(dataDir, full)}\0`)
          .update(readFileSync(full))
          .update('\0');
    }
  };
  visit(dataDir);
  return hash.digest('hex');
}
