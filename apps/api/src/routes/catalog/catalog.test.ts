import { CatalogResponse } from '@saa/contract/catalog';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('GET /api/catalog', () => {
  it('lists the four domains with weights and every section with its title, counting active questions', async () => {
    const res = await request(app.server).get('/api/catalog').expect(200);
    const catalog = CatalogResponse.parse(res.body);
    expect(catalog.domains.map((d) => [d.id, d.weight])).toEqual([
      ['secure', 30],
      ['resilient', 26],
      ['high-performing', 24],
      ['cost-optimized', 20],
    ]);
    expect(catalog.sections).toHaveLength(78);
    expect(catalog.sections.find((s) => s.id === 'lambda')?.title).toBe('AWS Lambda');
    const active = await app.prisma.question.count({ where: { retiredAt: null } });
    expect(catalog.domains.reduce((n, d) => n + d.questionCount, 0)).toBe(active);
    expect(catalog.sections.reduce((n, s) => n + s.questionCount, 0)).toBe(active);
    const scenario = await app.prisma.question.count({ where: { retiredAt: null, style: 'scenario' } });
    expect(catalog.domains.reduce((n, d) => n + d.scenarioCount, 0)).toBe(scenario);
    expect(catalog.sections.reduce((n, s) => n + s.recallCount, 0)).toBe(active - scenario);
    for (const s of catalog.sections) expect(s.scenarioCount + s.recallCount).toBe(s.questionCount);
    expect(res.text).not.toMatch(/"(correct|rationale|explanation|stem|options)"/);
  });

  it('leaves retired questions out of the counts', async () => {
    const question = await app.prisma.question.findFirstOrThrow({ where: { section: 'dax', retiredAt: null } });
    const before = (await request(app.server).get('/api/catalog').expect(200)).body;
    await app.prisma.question.update({ where: { id: question.id }, data: { retiredAt: new Date() } });
    try {
      const after = (await request(app.server).get('/api/catalog').expect(200)).body;
      const count = (c: CatalogResponse) => c.sections.find((s) => s.id === 'dax')?.questionCount ?? 0;
      expect(count(after)).toBe(count(before) - 1);
    } finally {
      await app.prisma.question.update({ where: { id: question.id }, data: { retiredAt: null } });
    }
  });
});
