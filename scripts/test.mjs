// `npm test` / `pnpm test`: install on first run, build the app for the browser tests, then
// run every test project with vitest (extra arguments are passed on, e.g. `pnpm test --project api`).
import { ensureApiBuilt, ensureInstalled, ensureWebBuilt, pnpm } from './toolchain.mjs';

ensureInstalled();
ensureWebBuilt();
ensureApiBuilt();
pnpm('exec', 'vitest', 'run', ...process.argv.slice(2));
