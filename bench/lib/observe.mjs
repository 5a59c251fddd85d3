// What to watch while a load runs: an authenticated autocannon load with latency figures,
// the API process's resident memory, and what PostgreSQL is busy with.
import { clearInterval, setInterval } from 'node:timers';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { summarise } from './sql-load.mjs';

/**
 * autocannon at 50 connections (by default); fails on any non-2xx answer or error.
 * Keeps every response time (ms, sub-millisecond precision: autocannon's own histogram
 * holds whole milliseconds), so that several runs can be merged with `mergeLoads`.
 */
export async function httpLoad(options) {
  const latencies = [];
  const instance = autocannon({ connections: 50, duration: 10, ...options });
  instance.on('response', (client, statusCode, bytes, responseTime) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  if (result.non2xx > 0 || result.errors > 0 || result.requests.total === 0) {
    throw new Error(
      `${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ` +
        `${result.requests.total} requests`,
    );
  }
  return { ...summarise(latencies, result.duration), latencies, seconds: result.duration };
}

/** One figure from several runs of the same load (interleaved with others to cancel drift). */
export function mergeLoads(runs) {
  const latencies = runs.flatMap((r) => r.latencies);
  const seconds = runs.reduce((total, r) => total + r.seconds, 0);
  return { ...summarise(latencies, seconds), latencies, seconds, tool: runs[0]?.tool };
}

/** Resident set size of a process in MB, or undefined when it is gone. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak and last value. */
export function watchRss(pid, everyMs = 100) {
  let peak = 0;
  let last;
  const sample = () => {
    last = rssMb(pid);
    if (last !== undefined) peak = Math.max(peak, last);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peak, last };
    },
  };
}

/**
 * Samples pg_stat_activity of `database` every `everyMs`: which statements the app's
 * connections are running, and how many are active, idle in a transaction, or idle.
 * A cheap profile of where the database time goes under load.
 */
export async function watchDatabase(adminUrl, database, everyMs = 20) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const queries = new Map();
  const states = new Map();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT state, query FROM pg_stat_activity
          WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()
            AND application_name <> 'pgbench'`,
        [database],
      );
      samples += 1;
      for (const { state, query } of rows) {
        states.set(state, (states.get(state) ?? 0) + 1);
        if (state === 'active' || state === 'idle in transaction') {
          const key = `[${state}] ${query.replace(/\s+/g, ' ').trim().slice(0, 400)}`;
          queries.set(key, (queries.get(key) ?? 0) + 1);
        }
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop(top = 5) {
      running = false;
      await loop.catch(() => undefined);
      await client.end();
      const perSample = (n) => (n / Math.max(1, samples)).toFixed(1);
      return {
        states: Object.fromEntries([...states].map(([s, n]) => [s, perSample(n)])),
        top: [...queries]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([query, n]) => ({ connections: perSample(n), query })),
      };
    },
  };
}

/** Prints what watchDatabase saw to stderr. */
export function reportDatabase(label, seen) {
  const lines = [
    `  ${label}: connections on average by state ${JSON.stringify(seen.states)}; busiest statements:`,
    ...seen.top.map((q) => `    ${q.connections} × ${q.query}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}
