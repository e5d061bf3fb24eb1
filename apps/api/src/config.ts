import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './lib/project-paths.ts';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: the app runs its own embedded Postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, '.data')),
  MIGRATE_ON_START: flag(true),
  SEED_ON_START: flag(true),
  /** Comma-separated origins allowed to call the API from another site; empty: same origin only. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serve the built SPA from apps/web/dist next to the API. */
  SERVE_WEB: flag(true),
  /** Behind a load balancer: trust X-Forwarded-* from it. */
  TRUST_PROXY: flag(false),
  /** A session unused for this long is over, however recent its sign-in. */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(72),
  /** A session ends this long after sign-in, however active it is. */
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(30),
  /** Sign-up and sign-in attempts per client IP and minute, against password guessing. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** How often each instance scores attempts whose time ran out; 0 turns the sweeper off. */
  EXPIRY_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once at boot; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as shells and compose files use it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${details}`);
  }
  return result.data;
}
