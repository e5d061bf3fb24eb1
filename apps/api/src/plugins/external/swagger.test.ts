import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const ROUTES = {
  '/api/health': ['get'],
  '/api/auth/signup': ['post'],
  '/api/auth/login': ['post'],
  '/api/auth/logout': ['post'],
  '/api/auth/me': ['get', 'delete'],
  '/api/auth/password': ['post'],
  '/api/auth/logout-all': ['post'],
  '/api/auth/export': ['get'],
  '/api/auth/reset-password': ['post'],
  '/api/auth/session': ['get'],
  '/api/catalog': ['get'],
  '/api/attempts': ['get', 'post'],
  '/api/attempts/{id}': ['get'],
  '/api/attempts/{id}/answers/{position}': ['put'],
  '/api/attempts/{id}/submit': ['post'],
  '/api/attempts/{id}/review': ['get'],
  '/api/attempts/{id}/results.csv': ['get'],
  '/api/attempts/{id}/saved/{position}': ['put', 'delete'],
  '/api/stats': ['get'],
  '/api/saved': ['get'],
  '/api/saved/{questionId}': ['put', 'delete'],
  '/api/seen': ['get'],
  '/api/attempts/{id}/questions/{position}/reports': ['post'],
  '/api/questions/{questionId}/reports': ['post'],
  '/api/admin/items': ['get'],
  '/api/admin/items/{questionId}/suspend': ['post', 'delete'],
};

describe('the OpenAPI document at /api/docs/json', () => {
  it('lists every route with its tag, responses and problem+json errors', async () => {
    const spec = (await request(app.server).get('/api/docs/json').expect(200)).body;
    const paths = Object.keys(spec.paths).map((p) => p.replace(/\/$/, ''));
    expect([...new Set(paths)].sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [path, methods] of Object.entries(ROUTES)) {
      const entry = spec.paths[path] ?? spec.paths[`${path}/`];
      for (const method of methods) {
        const operation = entry[method];
        expect(operation, `${method} ${path}`).toBeDefined();
        expect(operation.tags.length, `${method} ${path} tags`).toBeGreaterThan(0);
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      }
    }
    const save = spec.paths['/api/attempts/{id}/answers/{position}'].put;
    expect(Object.keys(save.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
  });
});
