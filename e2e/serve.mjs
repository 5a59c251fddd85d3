// Serves the built app for the browser tests: a fresh database on the machine's
// PostgreSQL, the machine's Redis, simulators, and the production build.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `navaia_e2e_${Date.now()}_${process.pid}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${name}`;

const app = spawn(process.execPath, [join(root, 'api/dist/api/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: process.env.E2E_PORT,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: name,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'navaia-e2e-')),
    SEED_DEMO: 'false',
    SIMULATOR_SPEED: 'fast',
    // Every simulated phone call is picked up by a person, so call journeys are deterministic.
    SIMULATOR_CALL_OUTCOMES: 'answered:1',
    LOG_LEVEL: 'warn',
    // Every test registers its organisations from this one address.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '0',
  },
});

async function shutdown() {
  app.kill('SIGTERM');
  await new Promise((resolve) => app.once('exit', resolve));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
app.on('exit', (code) => {
  if (code) process.exit(code);
});
