import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBank } from './bank.ts';

// The package README lists every place where the bank corrects outdated study material.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Where the notes are out of date'));
const listedSections = new Set(
  table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| section'))
    .flatMap((line) => (line.split('|')[1] ?? '').split(',').map((s) => s.trim())),
);

describe('corrections of outdated notes', () => {
  const corrected = buildBank().questions.filter((q) => q.correction);

  it('are also taught in the explanation, which says that older material differs', () => {
    expect(corrected.length).toBeGreaterThan(0);
    for (const q of corrected) {
      expect(q.explanation, q.id).toMatch(
        /older|earlier|used to|formerly|previously|renamed|legacy|no longer|retired/i,
      );
    }
  });

  it('are all listed in the package README', () => {
    const missing = [...new Set(corrected.map((q) => q.section))].filter((s) => !listedSections.has(s));
    expect(missing).toEqual([]);
  });
});
