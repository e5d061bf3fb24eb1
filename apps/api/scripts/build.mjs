// Bundles the API into dist/. The API's own npm dependencies stay external and load from
// node_modules at run time (native and WASM files included); our workspace packages, their
// dependencies and the generated Prisma client are bundled in.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@saa/'));
const isExternal = (path) =>
  path.startsWith('node:') ||
  builtinModules.includes(path) ||
  external.some((name) => path === name || path.startsWith(`${name}/`));

await build({
  entryPoints: { server: 'src/server.ts', 'db-cli': 'src/db/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (isExternal(args.path) ? { external: true } : undefined));
      },
    },
  ],
  // Some bundled CommonJS-style code expects require(); give ESM output one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
// The question bank, validated and gated once here, so that a start reads JSON instead of parsing
// and checking 78 YAML files (see db/database.ts). A bank with problems fails the build.
const bank = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/write-bank.ts'], { stdio: 'inherit' });
if (bank.status !== 0) process.exit(bank.status ?? 1);
console.log('built apps/api/dist');
