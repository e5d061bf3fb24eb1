import { SECTIONS } from '@saa/question-bank/sections';

export { SECTION_IDS } from '@saa/question-bank/sections';

const TITLES = new Map<string, string>(SECTIONS.map((s) => [s.id, s.title]));
const ORDER = new Map<string, number>(SECTIONS.map((s, i) => [s.id, i]));

/** The section's title from the study notes; the id itself for a section the notes no longer have. */
export function sectionTitle(id: string): string {
  return TITLES.get(id) ?? id;
}

/** Sorts sections in the order of the notes, so every list of sections reads the same way. */
export function bySectionOrder(a: string, b: string): number {
  return (ORDER.get(a) ?? Number.MAX_SAFE_INTEGER) - (ORDER.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b);
}
