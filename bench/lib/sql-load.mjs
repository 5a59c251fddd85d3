// The raw-SQL reference for an endpoint: the same transaction the API runs, sent straight to
// PostgreSQL by N concurrent clients, with latency percentiles per transaction.
// Uses pgbench (C, so the load generator takes little of the machine) when installed,
// otherwise N `pg` clients in this process.
import { performance } from 'node:perf_hooks';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const hasPgbench = () => spawnSync('pgbench', ['--version']).status === 0;

/** Percentiles (ms) of latencies in ms. */
export function summarise(latenciesMs, seconds) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const at = (q) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    rps: sorted.length / seconds,
    mean,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
  };
}

/**
 * The statements of one transaction for the app role in `tenantId`: what TenantDb.run does
 * (the app connects with `-c role=navaia_app`; SET LOCAL role does the same here).
 */
export function tenantTransaction(tenantId, ...queries) {
  return [
    'BEGIN',
    'SET LOCAL role navaia_app',
    `SELECT set_config('app.tenant_id', '${tenantId}', true)`,
    ...queries,
    'COMMIT',
  ];
}

function pgbench({ databaseUrl, statements, duration, clients }) {
  const dir = mkdtempSync(join(tmpdir(), 'navaia-pgbench-'));
  const url = new URL(databaseUrl);
  const script = join(dir, 'script.sql');
  writeFileSync(script, statements.map((s) => `${s.replace(/\s+/g, ' ').trim()};\n`).join(''));
  const args = [
    '-n', // no vacuum of pgbench's own tables
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(duration),
    '-f',
    script,
    '-l',
    '--log-prefix',
    join(dir, 'tx'),
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    url.pathname.slice(1),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
      },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        if (code !== 0 || /aborted|error:|failed transactions: [1-9]/i.test(output)) {
          throw new Error(`pgbench failed (${code}):\n${output}`);
        }
        // Per-transaction log lines: client_id tx_no latency_us script_no epoch_s epoch_us
        const latencies = [];
        for (const file of readdirSync(dir).filter((f) => f.startsWith('tx.'))) {
          for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
            const fields = line.split(' ');
            if (fields.length >= 6) latencies.push(Number(fields[2]) / 1000);
          }
        }
        resolve({
          ...summarise(latencies, duration),
          latencies,
          seconds: duration,
          tool: 'pgbench',
        });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

async function pgClients({ databaseUrl, statements, duration, clients }) {
  const pool = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies = [];
  const deadline = performance.now() + duration * 1000;
  try {
    await Promise.all(
      pool.map(async (client) => {
        while (performance.now() < deadline) {
          const t = performance.now();
          for (const sql of statements) await client.query(sql);
          latencies.push(performance.now() - t);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((c) => c.end()));
  }
  return { ...summarise(latencies, duration), latencies, seconds: duration, tool: 'pg' };
}

/** Runs the transaction `statements` from `clients` connections for `duration` seconds. */
export function sqlLoad({ databaseUrl, statements, duration = 10, clients = 50 }) {
  const options = { databaseUrl, statements, duration, clients };
  return hasPgbench() ? pgbench(options) : pgClients(options);
}

/** EXPLAIN (ANALYZE, BUFFERS) of `query` as the app role in `tenantId`, as text. */
export async function explain(databaseUrl, tenantId, query) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL role navaia_app');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
    await client.query('ROLLBACK');
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}
