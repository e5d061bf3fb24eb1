import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations (it runs before any install).
import { inputsDigest } from './toolchain.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'saa-toolchain-'));
  mkdirSync(path.join(root, 'src/feature'), { recursive: true });
  mkdirSync(path.join(root, 'src/node_modules'), { recursive: true });
  writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src/feature/b.ts'), 'export const b = 2;\n');
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const digest = () => inputsDigest(['src', 'index.html', 'public'], root) as string;

describe('build decisions by content', () => {
  it('rebuilds when a source file is deleted, added or edited', () => {
    const before = digest();
    rmSync(path.join(root, 'src/feature/b.ts'));
    const deleted = digest();
    expect(deleted).not.toBe(before);

    writeFileSync(path.join(root, 'src/feature/b.ts'), 'export const b = 2;\n');
    expect(digest()).toBe(before);

    writeFileSync(path.join(root, 'src/feature/c.ts'), '');
    expect(digest()).not.toBe(before);
    rmSync(path.join(root, 'src/feature/c.ts'));

    writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 3;\n');
    expect(digest()).not.toBe(before);
  });

  it('notices a folder that appears (public/) and a file moved to another folder', () => {
    const before = digest();
    mkdirSync(path.join(root, 'public'));
    writeFileSync(path.join(root, 'public/icon.svg'), '<svg/>');
    expect(digest()).not.toBe(before);

    rmSync(path.join(root, 'public'), { recursive: true });
    rmSync(path.join(root, 'src/feature/b.ts'));
    writeFileSync(path.join(root, 'src/b.ts'), 'export const b = 2;\n');
    expect(digest()).not.toBe(before);
  });

  it('ignores modification times and installed dependencies', () => {
    const before = digest();
    utimesSync(path.join(root, 'src/a.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    writeFileSync(path.join(root, 'src/node_modules/dep.js'), 'module.exports = 1;');
    expect(digest()).toBe(before);
  });
});
