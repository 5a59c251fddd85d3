import { Client } from 'pg';
import { ADMIN_DATABASE_URL, DATABASE_URL_VAR } from './env';

export default async function globalTeardown(): Promise<void> {
  const url = process.env[DATABASE_URL_VAR];
  if (!url) return;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}
