/**
 * Where the test services are. CI and developers run the machine's PostgreSQL and Redis;
 * TEST_DATABASE_ADMIN_URL / TEST_REDIS_URL point elsewhere when needed.
 */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Set by the global setup: the database created for this run. */
export const DATABASE_URL_VAR = 'NAVAIA_TEST_DATABASE_URL';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
