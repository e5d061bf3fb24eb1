import type { Question } from '@saa/contract/question';
import { stringify } from 'csv-stringify/sync';

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** One row per question; options and their rationales in columns a-f, the key as "a;c". */
export function toCsv(questions: Question[]): string {
  const columns = [
    'id',
    'section',
    'domain',
    'type',
    'difficulty',
    'style',
    'stem',
    ...LETTERS.map((l) => `option_${l}`),
    'correct',
    ...LETTERS.map((l) => `rationale_${l}`),
    'explanation',
    'references',
    'correction',
  ];
  const rows = questions.map((q) => {
    const option = (l: string) => q.options.find((o) => o.id === l);
    return [
      q.id,
      q.section,
      q.domain,
      q.type,
      q.difficulty,
      q.style,
      q.stem,
      ...LETTERS.map((l) => option(l)?.text ?? ''),
      q.options
        .filter((o) => o.correct)
        .map((o) => o.id)
        .join(';'),
      ...LETTERS.map((l) => option(l)?.rationale ?? ''),
      q.explanation,
      q.references.join(' '),
      q.correction ?? '',
    ];
  });
  return stringify(rows, { header: true, columns });
}
