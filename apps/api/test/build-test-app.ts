import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is set by test/worker-database.ts');
  return url;
}

export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVE_WEB: 'false', ...env });
}

/** The real app on this test file's own database, ready for supertest (`request(app.server)`). */
export function buildTestApp(env: Record<string, string> = {}, databaseUrl = testDatabaseUrl()) {
  return buildApp({ config: testConfig(env), databaseUrl });
}
