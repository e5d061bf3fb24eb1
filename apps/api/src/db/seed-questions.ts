import { createHash } from 'node:crypto';
import type { Question } from '@saa/contract/question';
import type { Db, PrismaClient } from './prisma-client.ts';

export interface SeedResult {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
  restored: number;
}

// Any constant works; it only has to be the same in every instance so that two instances starting
// together seed one after the other instead of racing.
const SEED_LOCK = 4_172_001;

// Everything the database stores of a question: any change (text, references, style, domain…)
// bumps the version, so a seed never leaves stale metadata behind.
function contentHash(q: Question): string {
  const content = {
    stem: q.stem,
    options: q.options,
    explanation: q.explanation,
    correction: q.correction ?? null,
    references: q.references,
    style: q.style,
    domain: q.domain,
    section: q.section,
    type: q.type,
    difficulty: q.difficulty,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function versionRow(q: Question, version: number) {
  return {
    questionId: q.id,
    version,
    stem: q.stem,
    options: q.options,
    explanation: q.explanation,
    correction: q.correction ?? null,
    references: q.references,
  };
}

function questionRow(q: Question, version: number, hash: string) {
  return {
    section: q.section,
    domain: q.domain,
    type: q.type,
    difficulty: q.difficulty,
    style: q.style,
    version,
    contentHash: hash,
    retiredAt: null,
  };
}

/**
 * Loads the bank idempotently: new questions are inserted at version 1, a changed text bumps the
 * version (old versions stay, so past attempts show what they asked), and questions no longer in
 * the bank are retired, never deleted.
 */
async function seedInTransaction(tx: Db, bank: Question[], now: Date): Promise<SeedResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
  const existing = new Map(
    (await tx.question.findMany({ select: { id: true, version: true, contentHash: true, retiredAt: true } })).map(
      (row) => [row.id, row],
    ),
  );
  const result: SeedResult = { created: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 };
  const fresh: Question[] = [];

  for (const q of bank) {
    const hash = contentHash(q);
    const row = existing.get(q.id);
    if (!row) {
      fresh.push(q);
      continue;
    }
    existing.delete(q.id);
    if (row.contentHash === hash) {
      if (row.retiredAt) {
        await tx.question.update({ where: { id: q.id }, data: { retiredAt: null } });
        result.restored++;
      } else result.unchanged++;
      continue;
    }
    const version = row.version + 1;
    await tx.questionVersion.create({ data: versionRow(q, version) });
    await tx.question.update({ where: { id: q.id }, data: questionRow(q, version, hash) });
    result.updated++;
  }

  if (fresh.length) {
    await tx.question.createMany({ data: fresh.map((q) => ({ id: q.id, ...questionRow(q, 1, contentHash(q)) })) });
    await tx.questionVersion.createMany({ data: fresh.map((q) => versionRow(q, 1)) });
    result.created = fresh.length;
  }

  const gone = [...existing.values()].filter((row) => !row.retiredAt).map((row) => row.id);
  if (gone.length) {
    await tx.question.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
    result.retired = gone.length;
  }
  return result;
}

export function seedQuestions(prisma: PrismaClient, bank: Question[], now = new Date()): Promise<SeedResult> {
  return prisma.$transaction((tx) => seedInTransaction(tx, bank, now), { timeout: 60_000, maxWait: 30_000 });
}
