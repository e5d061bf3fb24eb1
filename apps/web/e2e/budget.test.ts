import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET_BYTES = 150 * 1024;

/** Every script the first page load needs: index.html's entry and what it imports statically. */
async function initialScripts(): Promise<string[]> {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(path.join(DIST, file), 'utf8');
    // Static imports only: `import(...)` chunks load later, on demand.
    for (const match of code.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${},\s]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      queue.push(path.posix.join(path.posix.dirname(file), match[1] as string));
    }
  }
  return [...seen];
}

describe('the JavaScript budget', () => {
  it('keeps the initial JavaScript under 150 KB gzipped', async () => {
    const files = await initialScripts();
    let total = 0;
    for (const file of files) total += gzipSync(await readFile(path.join(DIST, file))).length;
    console.info(`initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(files.some((f) => f.startsWith('assets/index-'))).toBe(true);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('ships no schema library: the browser imports only the contract types (decision 019)', async () => {
    const scripts = (await readdir(path.join(DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    for (const file of scripts) {
      const code = await readFile(path.join(DIST, 'assets', file), 'utf8');
      // Names zod's classes carry in any build of it.
      expect(/\$ZodType|ZodError/.test(code), file).toBe(false);
    }
  });
});
