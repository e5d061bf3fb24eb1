import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000 and the embedded database', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START/);
  });

  it('never echoes a database password in its errors', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:topsecret@host/db' })).not.toThrow(/topsecret/);
  });

  it('reads switches and origin lists', () => {
    const config = loadConfig({ MIGRATE_ON_START: 'false', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.MIGRATE_ON_START).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('has defaults for sessions, the auth rate limit and the expiry sweeper', () => {
    const config = loadConfig({});
    expect(config.SESSION_IDLE_HOURS).toBe(72);
    expect(config.SESSION_MAX_DAYS).toBe(30);
    expect(config.AUTH_RATE_LIMIT_PER_MINUTE).toBe(10);
    expect(config.EXPIRY_SWEEP_SECONDS).toBe(30);
    expect(loadConfig({ EXPIRY_SWEEP_SECONDS: '0' }).EXPIRY_SWEEP_SECONDS).toBe(0);
    expect(() => loadConfig({ SESSION_IDLE_HOURS: '0' })).toThrow(/SESSION_IDLE_HOURS/);
    expect(() => loadConfig({ AUTH_RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(/AUTH_RATE_LIMIT_PER_MINUTE/);
  });

  it('takes TRUST_PROXY as a hop count or addresses/CIDRs, and refuses true with what to write instead', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: true would trust every hop.*number of proxies/,
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY: "10.0.0.0\/40" is not/);
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY/);
  });

  it('bounds how long a request may take to arrive', () => {
    expect(loadConfig({}).REQUEST_TIMEOUT_SECONDS).toBe(30);
    expect(() => loadConfig({ REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/REQUEST_TIMEOUT_SECONDS/);
  });
});
