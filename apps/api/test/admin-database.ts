import pg from 'pg';

/** The URL of database `name` on the server of `serverUrl` (same host, port and credentials). */
export function urlForDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs one statement in the server's `postgres` database, on a connection of its own: for
 * creating, dropping and emptying other databases, which cannot be done from inside them.
 */
export async function adminQuery(serverUrl: string, sql: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: urlForDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}
