import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Prisma CLI/client and the WebAssembly schema engine that applies our migrations ship apart
 * (the engine is an internal build, see docs/decisions/002). They were last verified together at
 * these versions: migrations applied by this engine, then read and written by this client. A test
 * fails when either moves alone; README "Upgrading Prisma" says how to move both.
 */
export const VERIFIED_ENGINE_PAIR = {
  prisma: '7.10.0',
  schemaEngineWasm: '8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323',
} as const;

const require = createRequire(import.meta.url);

/** The version a package declares, found from one of its entry files (some export no package.json). */
function installedVersion(entry: string, name: string): string {
  let dir = path.dirname(require.resolve(entry));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {}
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the installed version of ${name}`);
    dir = parent;
  }
}

export function installedEnginePair(): { prisma: string; client: string; schemaEngineWasm: string } {
  return {
    prisma: installedVersion('prisma/package.json', 'prisma'),
    client: installedVersion('@prisma/client', '@prisma/client'),
    schemaEngineWasm: installedVersion('@prisma/schema-engine-wasm/schema_engine_bg', '@prisma/schema-engine-wasm'),
  };
}
