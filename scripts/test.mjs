// `npm test` / `pnpm test`: install on first run, build the app for the browser tests, then
// run every test project with vitest (extra arguments are passed on, e.g. `pnpm test --project api`).
import { ensureApiBuilt, ensureInstalled, ensureWebBuilt, pnpm } from './toolchain.mjs';

ensureInstalled();
ensureWebBuilt();
ensureApiBuilt();
// The default reporter unless others are asked for, plus the ten slowest tests at the end.
const args = process.argv.slice(2);
const reporters = args.some((a) => a.startsWith('--reporter')) ? [] : ['--reporter=default'];
pnpm('exec', 'vitest', 'run', ...reporters, '--reporter=./scripts/slowest-tests-reporter.ts', ...args);
