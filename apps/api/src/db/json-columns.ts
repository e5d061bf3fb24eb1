// The shapes stored in the schema's Json columns (and the domain ids its text columns hold). prisma/schema.prisma names these types in
// `@kyselyType(...)` comments, so the generated row types (src/generated/kysely) carry them.
import type { AttemptResult, PracticePool, PracticeSource } from '@saa/contract/attempts';
import type { DomainId } from '@saa/contract/domains';
import type { QuestionOption, QuestionStyle } from '@saa/contract/question';

export type { AttemptResult, DomainId, QuestionOption };

/** What a practice was drawn from, kept with the attempt for the record. */
export interface AttemptFilters {
  domains: string[] | null;
  sections: string[] | null;
  style: QuestionStyle | null;
  pool: PracticePool;
  source: PracticeSource | null;
}

/** How many answers chose each option id (item statistics). */
export type OptionCounts = Record<string, number>;
