import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createSession, deleteSession, findSession, type SessionCheck, touchSession } from '../../data/sessions.ts';
import type { UserRow } from '../../data/users.ts';
import { AppError } from '../../lib/app-error.ts';
import { looksLikeSessionToken, newSessionToken, SESSION_COOKIE, sessionIdOf } from '../../lib/session-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; null on routes that do not require a session. */
    user: UserRow | null;
  }
  interface FastifyContextConfig {
    /**
     * The route's handler checks the session inside its own statement (one round trip instead of
     * two, for the hottest route): `authenticate` then only reads the cookie, and the handler must
     * call `app.loadSession` before anything else whenever that statement does not succeed.
     */
    sessionInQuery?: boolean;
  }
  interface FastifyInstance {
    /** onRequest hook: loads the session from the cookie into request.user, or answers 401. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** What `authenticate` does on every other route: request.user from the session, or 401. */
    loadSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** For `sessionInQuery` routes: the session to check in the statement; null when there is no cookie. */
    sessionCheck(request: FastifyRequest, now: Date): SessionCheck | null;
    /** Signs the user in with a brand-new session (any session the request carried is revoked). */
    startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void>;
    /** Revokes the request's session, if any, and clears the cookie. */
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

// Writing lastSeenAt on every request would turn every read into a write; a minute of slack on
// an idle limit measured in hours costs nothing.
const TOUCH_EVERY_MS = 60_000;

export interface AuthOptions {
  idleHours: number;
  maxDays: number;
}

/** Server-side sessions in Postgres, so any API instance can serve any user. */
export default fp<AuthOptions>(
  async (app, opts) => {
    const idleMs = opts.idleHours * 3_600_000;
    const maxMs = opts.maxDays * 86_400_000;

    const cookieOptions = (request: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      // request.protocol honours X-Forwarded-Proto when TRUST_PROXY is on, so a TLS-terminating
      // load balancer still gets Secure cookies.
      secure: request.protocol === 'https',
    });

    const clearCookie = (request: FastifyRequest, reply: FastifyReply) =>
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));

    app.decorateRequest('user', null);

    const loadSession = async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!looksLikeSessionToken(token)) throw new AppError('unauthenticated', 'Sign in to continue.');
      const id = sessionIdOf(token);
      const session = await findSession(app.prisma, id);
      const now = Date.now();
      if (!session || session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs <= now) {
        if (session) await deleteSession(app.prisma, id);
        clearCookie(request, reply);
        throw new AppError('unauthenticated', 'Your session has ended; sign in again.');
      }
      if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await touchSession(app.prisma, id, new Date(now), new Date(now - TOUCH_EVERY_MS));
      }
      request.user = session.user;
    };
    app.decorate('loadSession', loadSession);

    app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
      // A route that checks the session in its own statement still refuses a request without one.
      if (request.routeOptions.config.sessionInQuery && looksLikeSessionToken(request.cookies[SESSION_COOKIE])) return;
      await loadSession(request, reply);
    });

    app.decorate('sessionCheck', (request: FastifyRequest, now: Date): SessionCheck | null => {
      const token = request.cookies[SESSION_COOKIE];
      if (!looksLikeSessionToken(token)) return null;
      return {
        sessionId: sessionIdOf(token),
        now,
        idleSince: new Date(now.getTime() - idleMs),
        touchBefore: new Date(now.getTime() - TOUCH_EVERY_MS),
      };
    });

    app.decorate('startSession', async (request: FastifyRequest, reply: FastifyReply, userId: string) => {
      // Rotation: whatever session the browser held before signing in dies here, so a token
      // planted before login (session fixation) is worthless after it.
      const previous = request.cookies[SESSION_COOKIE];
      if (looksLikeSessionToken(previous)) await deleteSession(app.prisma, sessionIdOf(previous));
      const token = newSessionToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + maxMs);
      await createSession(app.prisma, sessionIdOf(token), userId, now, expiresAt);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), expires: expiresAt });
    });

    app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (looksLikeSessionToken(token)) await deleteSession(app.prisma, sessionIdOf(token));
      clearCookie(request, reply);
    });
  },
  { name: 'auth', dependencies: ['prisma', 'cookie'] },
);

/** The signed-in user on routes behind `authenticate` (the hook guarantees it is set). */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.user;
}
