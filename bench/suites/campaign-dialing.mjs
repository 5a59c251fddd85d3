// Campaign scale: 100 000 recipients made due by one start (the fan-out), then dialing at
// 20 calls a second on the simulator for 60 s: the achieved rate against the tenant's pace,
// the most calls held at once against its concurrency, and the CPU each call costs the API
// process, the worker process and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import pg from 'pg';
import { startApp } from '../lib/app.mjs';
import { api } from '../lib/seed.mjs';

export const name = 'campaign dialing';

const RECIPIENTS = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 100_000);
const CPS = 20;
const MAX_CONCURRENT = 100;
const DIAL_SECONDS = 60;

/** User + system CPU seconds of a process so far (Linux). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds per PostgreSQL backend serving `name` (its connections only, not the server's). */
async function backendCpu(db, name) {
  const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
  const cpu = new Map();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, cpuSeconds(pid));
    } catch {
      // The backend ended between the two reads.
    }
  }
  return cpu;
}

export async function run({ database }) {
  // The deployment shape for volume: an API process (webhooks in, the portal) and a worker
  // process (queues: dialing, status reports, conversations, the simulator's calls).
  const simulator = {
    SIMULATOR_SPEED: 'fast',
    SIMULATOR_CALL_OUTCOMES: 'answered:1',
    SIMULATOR_CALL_SECONDS: '1',
  };
  const app = await startApp(database.url, { ...simulator, APP_ROLE: 'http' });
  const worker = await startApp(database.url, {
    ...simulator,
    APP_ROLE: 'worker',
    QUEUE_PREFIX: app.env.QUEUE_PREFIX,
    DATA_DIR: app.env.DATA_DIR,
    PUBLIC_BASE_URL: app.env.PUBLIC_BASE_URL,
  });
  const base = `http://127.0.0.1:${app.port}`;
  const db = new pg.Client({ connectionString: database.url });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await db.connect();
  const rows = [];
  try {
    const owner = await api(base, 'POST', '/api/v1/auth/register', {
      tenantName: 'Campaign bench',
      name: 'Bench Owner',
      email: `campaign-${randomUUID()}@bench.example`,
      password: 'bench password 2026',
    });
    const token = owner.accessToken;
    const tenantId = owner.tenant.id;
    await api(
      base,
      'PATCH',
      '/api/v1/tenant',
      {
        limits: {
          callsPerSecond: CPS,
          maxConcurrentCalls: MAX_CONCURRENT,
          dailyCallCap: 1_000_000,
        },
        callingWindow: { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
      },
      token,
    );
    process.stderr.write(`  seeding ${RECIPIENTS} customers…\n`);
    await db.query(
      `INSERT INTO customers (id, tenant_id, first_name, phone, timezone, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'Bench', '+1415' || (2000000 + i)::text, 'UTC', now(), now()
         FROM generate_series(1, $2) AS i`,
      [tenantId, RECIPIENTS],
    );
    const campaign = await api(
      base,
      'POST',
      '/api/v1/campaigns',
      {
        name: 'Bench campaign',
        purpose: 'support',
        maxConcurrentCalls: MAX_CONCURRENT,
        maxAttempts: 1,
        callingWindow: { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
      },
      token,
    );
    let t = performance.now();
    const added = await api(
      base,
      'POST',
      `/api/v1/campaigns/${campaign.id}/recipients`,
      { filter: { all: true } },
      token,
    );
    rows.push({
      bench: name,
      metric: `add ${added.added} recipients (filter: all)`,
      value: `${((performance.now() - t) / 1000).toFixed(2)} s`,
      target: '',
    });
    t = performance.now();
    await api(base, 'POST', `/api/v1/campaigns/${campaign.id}/start`, {}, token);
    const fanOut = (performance.now() - t) / 1000;
    rows.push({
      bench: name,
      metric: `start: ${RECIPIENTS} recipients made due in one transaction`,
      value: `${fanOut.toFixed(2)} s`,
      target: '≤ 5 s',
      ok: fanOut <= 5,
    });

    // Dialing: sample the limiter's slots and the database's active calls while it runs.
    const cpuBefore = cpuSeconds(app.pid);
    const workerBefore = cpuSeconds(worker.pid);
    const pgBefore = await backendCpu(db, database.name);
    const {
      rows: [{ n: attemptsBefore }],
    } = await db.query(`SELECT count(*)::int AS n FROM call_attempts WHERE tenant_id = $1`, [
      tenantId,
    ]);
    let maxHeld = 0;
    let maxActive = 0;
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 5_000)); // ramp up
    const windowStart = new Date();
    while (Date.now() - started < (DIAL_SECONDS + 5) * 1000) {
      maxHeld = Math.max(
        maxHeld,
        await redis.zcount(`dial:active:${tenantId}`, Date.now(), '+inf'),
      );
      const {
        rows: [row],
      } = await db.query(
        `SELECT count(*)::int AS n FROM calls WHERE tenant_id = $1 AND status IN ('initiated', 'ringing', 'in_progress')`,
        [tenantId],
      );
      maxActive = Math.max(maxActive, row.n);
      await new Promise((r) => setTimeout(r, 100));
    }
    const windowEnd = new Date();
    const cpuAfter = cpuSeconds(app.pid);
    const workerAfter = cpuSeconds(worker.pid);
    const pgAfter = await backendCpu(db, database.name);
    let pgSeconds = 0;
    for (const [pid, seconds] of pgAfter) pgSeconds += seconds - (pgBefore.get(pid) ?? 0);
    await api(base, 'POST', `/api/v1/campaigns/${campaign.id}/cancel`, {}, token);
    const {
      rows: [span],
    } = await db.query(
      `SELECT count(*)::int AS n FROM call_attempts WHERE tenant_id = $1 AND requested_at >= $2 AND requested_at < $3`,
      [tenantId, windowStart, windowEnd],
    );
    const {
      rows: [{ n: attemptsAfter }],
    } = await db.query(`SELECT count(*)::int AS n FROM call_attempts WHERE tenant_id = $1`, [
      tenantId,
    ]);
    const seconds = (windowEnd - windowStart) / 1000;
    const rate = span.n / seconds;
    const calls = attemptsAfter - attemptsBefore;
    rows.push(
      {
        bench: name,
        metric: `achieved dial rate over ${seconds.toFixed(0)} s (${span.n} calls)`,
        value: `${rate.toFixed(2)} calls/s`,
        target: `${CPS} ± 5 %`,
        ok: Math.abs(rate - CPS) <= CPS * 0.05,
      },
      {
        bench: name,
        metric: 'max concurrent (limiter / database)',
        value: `${maxHeld} / ${maxActive}`,
        target: `≤ ${MAX_CONCURRENT - 1} (one slot kept for operators)`,
        ok: maxHeld <= MAX_CONCURRENT && maxActive <= MAX_CONCURRENT,
      },
      {
        bench: name,
        metric: 'API process CPU per call (status and conversation webhooks in)',
        value: `${(((cpuAfter - cpuBefore) / calls) * 1000).toFixed(1)} ms`,
        target: '',
      },
      {
        bench: name,
        metric: 'worker process CPU per call (dial, reports, conversation → ticket, simulator)',
        value: `${(((workerAfter - workerBefore) / calls) * 1000).toFixed(1)} ms`,
        target: '',
      },
      {
        bench: name,
        metric: 'PostgreSQL CPU per call (backends of the app)',
        value: `${((pgSeconds / calls) * 1000).toFixed(1)} ms`,
        target: '',
      },
    );
    return rows;
  } finally {
    redis.disconnect();
    await db.end();
    await worker.stop();
    await app.stop();
  }
}
