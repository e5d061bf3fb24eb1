// `npm start` / `pnpm start`: install on first run, build what is missing or out of date, then run
// the production server (embedded Postgres unless DATABASE_URL is set).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureApiBuilt, ensureInstalled, ensureWebBuilt, ROOT } from './toolchain.mjs';

ensureInstalled();
ensureWebBuilt();
ensureApiBuilt();

const server = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, 'apps/api/dist/server.js')], {
  cwd: ROOT,
  stdio: 'inherit',
});
// The server handles SIGINT/SIGTERM itself (graceful shutdown); we only wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
