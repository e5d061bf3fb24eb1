import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './lib/project-paths.ts';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

const CIDR = /^(?<ip>[0-9a-fA-F:.]+)(?:\/(?<bits>\d{1,3}))?$/;

/**
 * Which proxies may set X-Forwarded-For/-Proto: none (unset, false, 0), the nearest N hops (a
 * number), or the listed addresses and CIDR ranges. `true` (every hop) is refused: a client could
 * then write its own X-Forwarded-For and dodge the per-address rate limits.
 */
const TrustProxy = z
  .string()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    const v = (value ?? '').trim();
    if (v === '' || v === 'false' || v === '0') return false;
    if (v === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust every hop, so any client could forge X-Forwarded-For: write the number of proxies in front of the app (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.0/8,192.168.1.5)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of list) {
      const match = CIDR.exec(entry);
      const ip = match?.groups?.ip ?? '';
      const bits = match?.groups?.bits;
      const family = isIP(ip);
      if (!match || family === 0 || (bits !== undefined && Number(bits) > (family === 4 ? 32 : 128))) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not a hop count, an IP address or a CIDR range` });
        return z.NEVER;
      }
    }
    return list;
  });

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: the app runs its own embedded Postgres. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * How many queued autosaves may share one statement (decision 007); 1 sends each alone, which
   * `pnpm bench` uses to measure what sharing is worth.
   */
  AUTOSAVE_BATCH_LIMIT: z.coerce.number().int().min(1).max(64).default(64),
  /**
   * The autosave fast path (one statement that also checks the session, on the saves' own
   * connections); false sends every save through the general path, as `pnpm bench` compares.
   */
  AUTOSAVE_FAST_PATH: flag(true),
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
  /** Behind a load balancer: how many hops, or which addresses, may set X-Forwarded-* (see TrustProxy). */
  TRUST_PROXY: TrustProxy,
  /**
   * A request must arrive whole within this many seconds (body included): a client trickling its
   * body in a byte at a time is cut off instead of holding a connection and memory forever.
   */
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Where users reach the app: the base of links the app prints (password reset links). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Serve the web app's source maps (built as hidden files) to browsers; off in production. */
  SERVE_SOURCE_MAPS: flag(false),
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
