import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is set by test/worker-database.ts');
  return url;
}

/**
 * Tests sign up many users from one IP, so the auth rate limit is raised (the rate-limit test sets
 * its own), and the expiry sweeper is off so that expiry on access is tested deterministically.
 */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    EXPIRY_SWEEP_SECONDS: '0',
    ...env,
  });
}

/** The real app on this test file's own database, ready for supertest (`request(app.server)`). */
export function buildTestApp(env: Record<string, string> = {}, databaseUrl = testDatabaseUrl()) {
  return buildApp({ config: testConfig(env), databaseUrl });
}
