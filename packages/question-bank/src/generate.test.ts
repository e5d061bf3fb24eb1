import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBank } from './bank.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/data', import.meta.url));

describe('generator', () => {
  const bank = buildBank(FIXTURES);
  const generated = bank.questions.filter((q) => q.origin === 'generated');

  it('turns a limit, a choice and a claims fact (2 true, 3 false) into 1 + 1 + 3 questions', () => {
    expect(generated).toHaveLength(5);
    expect(generated.filter((q) => q.type === 'multiple')).toHaveLength(1);
  });

  it('offers the value and its three near numbers for a limit, with the key on the value', () => {
    const limit = generated.find((q) => q.stem.startsWith('How many running instances'));
    expect(limit?.options.map((o) => o.text).sort()).toEqual(['10', '15', '5', '7']);
    expect(limit?.options.find((o) => o.correct)?.text).toBe('7');
    expect(limit?.domain).toBe('resilient');
  });

  it('draws choice distractors from the category, never the answer itself', () => {
    const choice = generated.find((q) => q.stem.startsWith('Which placement strategy'));
    const wrong = choice?.options.filter((o) => !o.correct).map((o) => o.text) ?? [];
    expect(wrong).toHaveLength(3);
    expect(wrong).not.toContain('Spread placement group');
    expect(choice?.options.find((o) => !o.correct)?.rationale).toMatch(/does not meet this need/);
  });

  it('gives the questions of one claims fact different stems', () => {
    const stems = generated.map((q) => q.stem);
    expect(new Set(stems).size).toBe(stems.length);
  });

  it('keeps ids stable: an id is a hash of its fact, not of its position', () => {
    expect(generated.map((q) => q.id)).toEqual(
      buildBank(FIXTURES)
        .questions.filter((q) => q.origin === 'generated')
        .map((q) => q.id),
    );
    for (const q of generated) expect(q.id).toMatch(/^g-placement-spread-[0-9a-f]{12}$/);
  });

  it('reports a category that does not exist instead of inventing distractors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bank-'));
    mkdirSync(path.join(dir, 'facts'));
    writeFileSync(
      path.join(dir, 'facts', 'neptune.yaml'),
      'section: neptune\ndomain: high-performing\nfacts:\n  - kind: choice\n    question: Which service is a graph database?\n    answer: Amazon Neptune\n    category: no-such-category\n    why: Neptune is a managed graph database.\n',
    );
    const broken = buildBank(dir);
    expect(broken.questions).toHaveLength(0);
    expect(broken.problems.map((p) => p.message)).toContain(
      'unknown category "no-such-category" (give a category or distractors)',
    );
  });
});
