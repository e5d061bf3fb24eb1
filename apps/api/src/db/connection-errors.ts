/** Where a connection string points, without its password: safe to print. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** One readable sentence for a failed connection: what is wrong and how to fix it. */
export function explainConnectionError(error: unknown, url: string): string {
  const e = error as { code?: string; message?: string };
  const target = describeTarget(url);
  switch (e.code) {
    case 'ECONNREFUSED':
      return `cannot connect to Postgres at ${target}: connection refused. Is the server running? Check DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the database host in DATABASE_URL (${target}). Check the host name.`;
    case 'ETIMEDOUT':
      return `timed out connecting to Postgres at ${target}. Check DATABASE_URL and the network.`;
    case '28P01':
    case '28000':
      return `Postgres at ${target} rejected the user name or password in DATABASE_URL. Check the credentials.`;
    case '3D000':
      return `the database in DATABASE_URL (${target}) does not exist. Create it first (createdb) or fix the name.`;
    default:
      return `cannot connect to Postgres at ${target}: ${(e.message ?? String(error)).split('\n')[0]}. Check DATABASE_URL.`;
  }
}
