import type { Db } from '../db/prisma-client.ts';

export interface SectionTally {
  section: string;
  domain: string;
  answered: number;
  correct: number;
}

/** Adds one scored attempt to the user's running totals (one statement, whatever the number of sections). */
export async function addSectionTallies(db: Db, userId: string, tallies: SectionTally[]): Promise<void> {
  if (tallies.length === 0) return;
  await db.$executeRaw`
    INSERT INTO user_section_stats (user_id, section, domain, answered, correct)
    SELECT ${userId}::uuid, t.section, t.domain, t.answered, t.correct
    FROM unnest(${tallies.map((t) => t.section)}::text[], ${tallies.map((t) => t.domain)}::text[],
                ${tallies.map((t) => t.answered)}::int[], ${tallies.map((t) => t.correct)}::int[])
         AS t(section, domain, answered, correct)
    ON CONFLICT (user_id, section, domain) DO UPDATE SET
      answered = user_section_stats.answered + EXCLUDED.answered,
      correct = user_section_stats.correct + EXCLUDED.correct`;
}

export function findSectionStats(db: Db, userId: string) {
  return db.userSectionStat.findMany({
    where: { userId },
    select: { section: true, domain: true, answered: true, correct: true },
  });
}
