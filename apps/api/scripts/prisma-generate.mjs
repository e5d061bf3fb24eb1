// Generates the Prisma client offline. `prisma generate` never runs the schema engine but insists
// that its binary exists; we never download it (migrations run on the WASM engine), so point the
// CLI at a placeholder file. See docs/decisions/002-migrations-on-the-wasm-schema-engine.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const prismaCli = createRequire(path.join(apiDir, 'package.json')).resolve('prisma/build/index.js');
const placeholder = path.join(tmpdir(), 'saa-prisma-schema-engine-placeholder');
writeFileSync(placeholder, '');
execFileSync(
  process.execPath,
  [prismaCli, 'generate', '--schema', path.join(apiDir, '..', '..', 'prisma', 'schema.prisma')],
  {
    cwd: apiDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      // The kysely generator (prisma-kysely) is a dev dependency of this package: found on its
      // .bin whether this runs from here or as the workspace root's postinstall.
      PATH: [path.join(apiDir, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  },
);
