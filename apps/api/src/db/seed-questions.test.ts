import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/build-test-app.ts';
import { questionFactory } from '../../test/factories.ts';
import { createPrismaClient, type PrismaClient } from './prisma-client.ts';
import { seedQuestions } from './seed-questions.ts';

let prisma: PrismaClient;
beforeAll(() => {
  prisma = createPrismaClient(testDatabaseUrl(), 4);
});
afterAll(() => prisma.$disconnect());

describe('seeding the bank', () => {
  const first = questionFactory({ id: 'seed-first' });
  const second = questionFactory({ id: 'seed-second' });

  it('inserts new questions at version 1 and retires what is no longer in the bank', async () => {
    const before = await prisma.question.count({ where: { retiredAt: null } });
    const result = await seedQuestions(prisma, [first, second]);
    expect(result).toMatchObject({ created: 2, updated: 0, retired: before });
    expect(await prisma.question.count({ where: { retiredAt: null } })).toBe(2);
    // Retired, not deleted: past attempts still find them.
    expect(await prisma.question.count()).toBe(before + 2);
  });

  it('is idempotent', async () => {
    const result = await seedQuestions(prisma, [first, second]);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 2, retired: 0 });
  });

  it('bumps the version when the text changes and keeps the old text', async () => {
    const edited = { ...first, stem: `${first.stem} (reworded)` };
    const result = await seedQuestions(prisma, [edited, second]);
    expect(result).toMatchObject({ updated: 1, unchanged: 1 });
    const row = await prisma.question.findUniqueOrThrow({ where: { id: first.id }, include: { versions: true } });
    expect(row.version).toBe(2);
    expect(row.versions.map((v) => v.stem).sort()).toEqual([first.stem, edited.stem].sort());
  });

  it('retires a dropped question and restores it when it returns', async () => {
    const edited = { ...first, stem: `${first.stem} (reworded)` };
    expect(await seedQuestions(prisma, [edited])).toMatchObject({ retired: 1 });
    expect((await prisma.question.findUniqueOrThrow({ where: { id: second.id } })).retiredAt).not.toBeNull();
    expect(await seedQuestions(prisma, [edited, second])).toMatchObject({ restored: 1 });
    expect((await prisma.question.findUniqueOrThrow({ where: { id: second.id } })).retiredAt).toBeNull();
  });

  it('lets two instances seed at once without conflict', async () => {
    const third = questionFactory({ id: 'seed-third' });
    const bank = [first, second, third];
    const results = await Promise.all([seedQuestions(prisma, bank), seedQuestions(prisma, bank)]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 1]);
    expect(await prisma.question.count({ where: { id: 'seed-third' } })).toBe(1);
  });
});
