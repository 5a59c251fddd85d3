import Redis from 'ioredis';
import { Client } from 'pg';
import { runMigrations } from '../../src/common/database/data-source';
import { ADMIN_DATABASE_URL, DATABASE_URL_VAR, databaseUrl, REDIS_URL } from './env';

/** A fresh database for this run, every migration applied from empty. */
export default async function globalSetup(): Promise<void> {
  const name = `navaia_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrl(name);
  await runMigrations(url);
  process.env[DATABASE_URL_VAR] = url;

  // Login throttling counts failures per client address for 15 minutes; tests all come
  // from loopback, so a previous run's failures must not throttle this one.
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('throttle:login:ip:*');
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
