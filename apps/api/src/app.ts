import http from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { WEB_DIST_DIR } from './lib/project-paths.ts';
import auth from './plugins/app/auth.ts';
import errorHandler, { sendFrameworkError } from './plugins/app/error-handler.ts';
import expirySweeper from './plugins/app/expiry-sweeper.ts';
import originCheck from './plugins/app/origin-check.ts';
import prisma from './plugins/app/prisma.ts';
import webApp from './plugins/app/web-app.ts';
import compress from './plugins/external/compress.ts';
import cookie from './plugins/external/cookie.ts';
import cors from './plugins/external/cors.ts';
import helmet from './plugins/external/helmet.ts';
import rateLimit from './plugins/external/rate-limit.ts';
import swagger from './plugins/external/swagger.ts';
import adminRoutes from './routes/admin/index.ts';
import attemptRoutes from './routes/attempts/index.ts';
import authRoutes from './routes/auth/index.ts';
import catalogRoutes from './routes/catalog/index.ts';
import healthRoutes from './routes/health/index.ts';
import questionRoutes from './routes/questions/index.ts';
import savedRoutes from './routes/saved/index.ts';
import seenRoutes from './routes/seen/index.ts';
import statsRoutes from './routes/stats/index.ts';

export interface AppOptions {
  config: Config;
  /** The database the app talks to (the embedded one or DATABASE_URL), resolved by the caller. */
  databaseUrl: string;
}

/**
 * The whole application as one plugin, registered in layers: external plugins, then our own
 * plugins (database, errors, CSRF origin check, sessions, expiry sweeper), then the routes grouped
 * by resource under /api.
 */
export const app = fp<AppOptions>(async (instance, { config, databaseUrl }) => {
  instance.setValidatorCompiler(validatorCompiler);
  instance.setSerializerCompiler(serializerCompiler);

  await instance.register(cors, { origins: config.CORS_ORIGINS });
  await instance.register(helmet);
  await instance.register(cookie);
  await instance.register(compress);
  await instance.register(rateLimit);
  await instance.register(swagger);

  await instance.register(prisma, { databaseUrl, poolSize: config.DATABASE_POOL_SIZE });
  await instance.register(errorHandler);
  await instance.register(originCheck, { origins: config.CORS_ORIGINS });
  await instance.register(auth, { idleHours: config.SESSION_IDLE_HOURS, maxDays: config.SESSION_MAX_DAYS });
  await instance.register(expirySweeper, { intervalSeconds: config.EXPIRY_SWEEP_SECONDS });

  await instance.register(
    async (api) => {
      await api.register(healthRoutes, { prefix: '/health' });
      await api.register(authRoutes, { prefix: '/auth', rateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE });
      await api.register(catalogRoutes, { prefix: '/catalog' });
      await api.register(attemptRoutes, {
        prefix: '/attempts',
        autosaveBatchLimit: config.AUTOSAVE_BATCH_LIMIT,
        autosaveFastPath: config.AUTOSAVE_FAST_PATH,
      });
      await api.register(statsRoutes, { prefix: '/stats' });
      await api.register(savedRoutes, { prefix: '/saved' });
      await api.register(seenRoutes, { prefix: '/seen' });
      await api.register(questionRoutes, { prefix: '/questions' });
      await api.register(adminRoutes, { prefix: '/admin' });
    },
    { prefix: '/api' },
  );

  await instance.register(webApp, {
    distDir: config.SERVE_WEB ? WEB_DIST_DIR : null,
    serveSourceMaps: config.SERVE_SOURCE_MAPS,
  });
});

export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: {
              paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
              remove: true,
            },
          },
    // A hop count trusts the nearest N proxies (as proxy-addr does for a number).
    trustProxy:
      typeof config.TRUST_PROXY === 'number'
        ? (_address: string, hop: number) => hop < (config.TRUST_PROXY as number)
        : config.TRUST_PROXY,
    bodyLimit: 64 * 1024,
    // A request (headers and body) must be complete within REQUEST_TIMEOUT_SECONDS; Node checks
    // once a second (its default is every 30 s, which would let a slow client hold on for longer).
    serverFactory: (handler) =>
      http.createServer(
        {
          requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
          headersTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
          connectionsCheckingInterval: 1000,
        },
        handler,
      ),
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: sendFrameworkError,
  };
}

/** Creates a Fastify instance with the app registered and ready: what server.ts and tests use. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const instance = Fastify(serverOptions(options.config)).withTypeProvider<ZodTypeProvider>();
  await instance.register(app, options);
  await instance.ready();
  return instance;
}
