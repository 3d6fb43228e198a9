import pg from 'pg';

/**
 * Creates an empty database `name` on the PostgreSQL server at `serverUrl` (dropping one left
 * over by an earlier run) and returns its URL.
 */
export async function createPostgresDatabase(serverUrl, name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and "_"`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
