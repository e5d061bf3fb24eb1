import { EXAM } from '@saa/contract/attempts';
import { DOMAINS } from '@saa/contract/domains';
import type { StatsResponse } from '@saa/contract/stats';
import { SECTIONS } from '@saa/question-bank/sections';
import { countCards } from '../../data/review-cards.ts';
import { findSectionStats } from '../../data/section-stats.ts';
import { countScored, lastMockScores, lastScored } from '../../data/stats.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { projectedHalfWidth, readinessRange } from '../../exam/readiness.ts';
import { expireOverdueOf } from '../attempts/current-attempt.ts';

const TREND_LENGTH = 50;
const READINESS_MOCKS = 3;
const WEAKEST_MIN_ANSWERED = 3;
const WEAKEST_COUNT = 5;

function accuracy(answered: number, correct: number) {
  return { answered, correct, accuracy: answered > 0 ? Math.round((1000 * correct) / answered) / 10 : null };
}

/** Score trend, accuracy per domain and section, weakest sections, readiness and the drill queue. */
export async function getStats(prisma: PrismaClient, userId: string, now: Date): Promise<StatsResponse> {
  await expireOverdueOf(prisma, userId, now);
  const [scored, recent, mockScores, sectionRows, cards] = await Promise.all([
    countScored(prisma, userId),
    lastScored(prisma, userId, TREND_LENGTH),
    lastMockScores(prisma, userId, READINESS_MOCKS),
    findSectionStats(prisma, userId),
    countCards(prisma, userId, now),
  ]);

  const bySection = new Map<string, { answered: number; correct: number }>();
  const byDomain = new Map<string, { answered: number; correct: number }>();
  for (const row of sectionRows) {
    for (const [map, key] of [
      [bySection, row.section],
      [byDomain, row.domain],
    ] as const) {
      const entry = map.get(key) ?? { answered: 0, correct: 0 };
      entry.answered += row.answered;
      entry.correct += row.correct;
      map.set(key, entry);
    }
  }
  const sections = SECTIONS.map((s) => {
    const entry = bySection.get(s.id) ?? { answered: 0, correct: 0 };
    return { section: s.id, title: s.title, ...accuracy(entry.answered, entry.correct) };
  });
  const weakestSections = sections
    .filter((s) => s.answered >= WEAKEST_MIN_ANSWERED)
    .sort((a, b) => (a.accuracy ?? 0) - (b.accuracy ?? 0) || b.answered - a.answered)
    .slice(0, WEAKEST_COUNT);
  const mean =
    mockScores.length > 0
      ? Math.round(mockScores.reduce((sum, m) => sum + m.scaledScore, 0) / mockScores.length)
      : null;
  const missing = READINESS_MOCKS - mockScores.length;

  return {
    attemptsSubmitted: scored,
    trend: recent.reverse().map((r) => ({
      attemptId: r.attemptId,
      mode: r.mode,
      submittedAt: r.submittedAt.toISOString(),
      percent: r.percent,
      scaledScore: r.mode === 'mock' ? r.scaledScore : null,
    })),
    domains: DOMAINS.map((d) => {
      const entry = byDomain.get(d.id) ?? { answered: 0, correct: 0 };
      return { domain: d.id, name: d.name, ...accuracy(entry.answered, entry.correct) };
    }),
    sections,
    weakestSections,
    readiness: {
      scaledScore: mean,
      basedOnMocks: mockScores.length,
      passingScore: EXAM.passingScore,
      ready: mockScores.length >= READINESS_MOCKS && mean !== null && mean >= EXAM.passingScore,
      range: readinessRange(mockScores),
      narrowing:
        mockScores.length > 0 && missing > 0
          ? { moreMocks: missing, halfWidth: projectedHalfWidth(mockScores, READINESS_MOCKS) ?? 0 }
          : null,
    },
    drill: cards,
  };
}
