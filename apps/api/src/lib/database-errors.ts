/** Codes that mean "the database cannot be reached right now", as opposed to a bad query. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'P1001', // can't reach database server
  'P1002', // timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up / shutting down)
  '08000',
  '08001',
  '08003',
  '08006',
]);

const UNAVAILABLE_TEXT =
  /connection terminated|connection refused|ECONNREFUSED|Connection ended|terminating connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|DatabaseNotReachable|ConnectionClosed|can't reach database server/i;

/**
 * The pool had no connection free within its wait (pg: "timeout exceeded when trying to connect",
 * Prisma: P2024, or a transaction's maxWait), as opposed to a database that cannot be reached.
 */
export function isPoolExhausted(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (e.code === 'P2024' || e.code === 'P2028') return true;
    if (
      typeof e.message === 'string' &&
      /timeout exceeded when trying to connect|Unable to start a transaction in the given time|Transaction API error: Unable to start/i.test(
        e.message,
      )
    )
      return true;
    current = e.cause ?? e.meta?.driverAdapterError;
  }
  return false;
}

/**
 * Walks an error and its causes looking for a connectivity failure. Prisma wraps driver errors:
 * in `cause`, or for a raw query in `meta.driverAdapterError` (whose `cause.kind` says
 * DatabaseNotReachable when Postgres is down).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.originalCode === 'string' && UNAVAILABLE_CODES.has(e.originalCode)) return true;
    if (typeof e.kind === 'string' && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(e.kind)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message)) return true;
    current = e.cause ?? e.meta?.driverAdapterError;
  }
  return false;
}
