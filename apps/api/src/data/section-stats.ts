import type { DomainId } from '@saa/contract/domains';
import type { Db } from '../db/prisma-client.ts';
import { builder, execute, unnest } from '../db/sql.ts';

export interface SectionTally {
  section: string;
  domain: DomainId;
  answered: number;
  correct: number;
}

/** Adds one scored attempt to the user's running totals (one statement, whatever the number of sections). */
export async function addSectionTallies(db: Db, userId: string, tallies: SectionTally[]): Promise<void> {
  if (tallies.length === 0) return;
  const incoming = unnest('t', {
    section: ['text', tallies.map((t) => t.section)],
    domain: ['text', tallies.map((t) => t.domain)],
    answered: ['int', tallies.map((t) => t.answered)],
    correct: ['int', tallies.map((t) => t.correct)],
  });
  await execute(
    db,
    builder
      .insertInto('user_section_stats')
      .columns(['user_id', 'section', 'domain', 'answered', 'correct'])
      .expression((eb) =>
        eb
          .selectFrom(incoming)
          .select((t) => [t.val(userId).as('user_id'), 't.section', 't.domain', 't.answered', 't.correct']),
      )
      .onConflict((oc) =>
        oc.columns(['user_id', 'section', 'domain']).doUpdateSet((eb) => ({
          answered: eb('user_section_stats.answered', '+', eb.ref('excluded.answered')),
          correct: eb('user_section_stats.correct', '+', eb.ref('excluded.correct')),
        })),
      ),
  );
}

export function findSectionStats(db: Db, userId: string) {
  return db.userSectionStat.findMany({
    where: { userId },
    select: { section: true, domain: true, answered: true, correct: true },
  });
}
