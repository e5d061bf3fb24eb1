import type { DomainId } from '@saa/contract/domains';
import type { SavedQuestion, SeenQuestion } from '@saa/contract/saved';
import type { SavedRow, SeenQuestionRow } from '../../data/saved-questions.ts';
import { sectionTitle } from '../../lib/sections.ts';

/** A question the user may read, with its key and teaching text, in bank order. */
export function presentSeenQuestion(row: SeenQuestionRow): SeenQuestion {
  const choose = row.options.filter((o) => o.correct).length;
  return {
    questionId: row.questionId,
    type: choose > 1 ? 'multiple' : 'single',
    style: row.style,
    choose,
    stem: row.stem,
    options: row.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, rationale: o.rationale })),
    explanation: row.explanation,
    correction: row.correction,
    references: row.references,
    domain: row.domain as DomainId,
    section: row.section,
    sectionTitle: sectionTitle(row.section),
  };
}

export function presentSaved(row: SavedRow): SavedQuestion {
  return {
    questionId: row.questionId,
    note: row.note,
    savedAt: row.savedAt.toISOString(),
    question: presentSeenQuestion(row),
  };
}
