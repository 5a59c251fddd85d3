// Dial pacing: 300 calls on the simulator for one tenant limited to 5 calls a second and
// 10 at once. Reports the achieved dial rate (first to last provider request) against the
// configured pace, and the most calls ever held at once, sampled from the limiter's Redis
// set and from the database, against the concurrency limit.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import pg from 'pg';
import { startApp } from '../lib/app.mjs';
import { api } from '../lib/seed.mjs';

export const name = 'dial pacing';

const CALLS = 300;
const CPS = 5;
const MAX_CONCURRENT = 10;

export async function run({ database }) {
  const app = await startApp(database.url, {
    SIMULATOR_SPEED: 'fast',
    SIMULATOR_CALL_OUTCOMES: 'answered:1',
    // A call holds its slot from the dial until its final status is processed (ring, talk and
    // the callback's trip through the inbox and the queue, ~2 s): at 5 calls/s that is ~10
    // calls at once, so both limits bind.
    SIMULATOR_CALL_SECONDS: '1',
  });
  const base = `http://127.0.0.1:${app.port}`;
  const db = new pg.Client({ connectionString: database.url });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await db.connect();
  try {
    const owner = await api(base, 'POST', '/api/v1/auth/register', {
      tenantName: 'Dial pacing',
      name: 'Bench Owner',
      email: `dial-${randomUUID()}@bench.example`,
      password: 'bench password 2026',
    });
    const token = owner.accessToken;
    const tenantId = owner.tenant.id;
    await api(
      base,
      'PATCH',
      '/api/v1/tenant',
      { limits: { callsPerSecond: CPS, maxConcurrentCalls: MAX_CONCURRENT, dailyCallCap: 10_000 } },
      token,
    );
    const ids = [];
    for (let i = 0; i < CALLS; i++) {
      const phone = `+1415${String(2000000 + i).padStart(7, '0')}`;
      ids.push((await api(base, 'POST', '/api/v1/customers', { phone }, token)).id);
    }
    const bulk = await api(base, 'POST', '/api/v1/calls/bulk', { customerIds: ids }, token);
    if (bulk.accepted.length !== CALLS) throw new Error(`only ${bulk.accepted.length} accepted`);

    let maxHeld = 0;
    let maxActive = 0;
    const deadline = Date.now() + (CALLS / CPS) * 3000 + 60_000;
    for (;;) {
      const held = await redis.zcount(`dial:active:${tenantId}`, Date.now(), '+inf');
      const {
        rows: [row],
      } = await db.query(
        `SELECT count(*) FILTER (WHERE status IN ('initiated', 'ringing', 'in_progress'))::int AS active,
                count(*) FILTER (WHERE status IN ('completed', 'busy', 'no_answer', 'failed', 'canceled'))::int AS done
           FROM calls WHERE tenant_id = $1`,
        [tenantId],
      );
      maxHeld = Math.max(maxHeld, held);
      maxActive = Math.max(maxActive, row.active);
      if (row.done === CALLS || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const {
      rows: [span],
    } = await db.query(
      `SELECT count(*)::int AS n, extract(epoch FROM max(requested_at) - min(requested_at)) AS seconds
         FROM call_attempts WHERE tenant_id = $1`,
      [tenantId],
    );
    const rate = (span.n - 1) / Number(span.seconds);
    const {
      rows: [outcome],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed FROM calls WHERE tenant_id = $1`,
      [tenantId],
    );
    return [
      {
        bench: name,
        metric: `achieved dial rate (${span.n} calls)`,
        value: `${rate.toFixed(2)} calls/s`,
        target: `${CPS} ± 5 %`,
        ok: Math.abs(rate - CPS) <= CPS * 0.05,
      },
      {
        bench: name,
        metric: 'max concurrent (limiter / database)',
        value: `${maxHeld} / ${maxActive}`,
        target: `≤ ${MAX_CONCURRENT}`,
        ok: maxHeld <= MAX_CONCURRENT && maxActive <= MAX_CONCURRENT,
      },
      {
        bench: name,
        metric: 'calls completed',
        value: `${outcome.completed} / ${CALLS}`,
        target: `${CALLS}`,
        ok: outcome.completed === CALLS,
      },
    ];
  } finally {
    redis.disconnect();
    await db.end();
    await app.stop();
  }
}
