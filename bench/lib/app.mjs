// Starts the production build against a fresh database for a benchmark.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const adminUrl =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** A fresh database; `drop()` removes it. */
export async function createDatabase(prefix = 'navaia_bench') {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The built API on a free port; `stop()` ends it. */
export async function startApp(databaseUrl, env = {}) {
  const port = await freePort();
  const worker = env.APP_ROLE === 'worker';
  let childEnv;
  // The same heap cap as `npm start` and the Docker image.
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=192',
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each app process, written when it stops.
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      join(root, 'api/dist/api/src/main.js'),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: (childEnv = {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret-42',
        QUEUE_PREFIX: `bench-${port}`,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'navaia-bench-')),
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        // Simulated providers call the app back on its own address.
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        // The load comes from one user at thousands of requests a second: a limit far above
        // it, rather than none, so the limiter's Redis round trip stays in the measurement.
        RATE_LIMIT_USER_PER_MINUTE: '1000000000',
        RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000',
        // Benchmarks register their tenants from this one address.
        REGISTRATIONS_PER_ADDRESS_PER_HOUR: '0',
        ...env,
      }),
    },
  );
  // A worker serves no HTTP: it is up once it has started consuming (it logs nothing we
  // read here), so give it a moment instead.
  if (worker) await new Promise((r) => setTimeout(r, 3000));
  else await waitFor(`http://127.0.0.1:${port}/api/health/ready`);
  return {
    port,
    pid: child.pid,
    /** What the process was started with: a worker beside it needs the same queues and data. */
    env: childEnv,
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  };
}
