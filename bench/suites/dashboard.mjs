// GET /api/v1/dashboard/summary for the tenant with 1 000 000 tickets and 500 000 bookings,
// at 50 connections: the default range (last 30 days) and 12 months. The reference for each
// is the read its ticket/booking/revenue figures need at least — the tenant's activity
// counters of that range summed per metric and key — as raw SQL in the same run.
import pg from 'pg';
import { startApp } from '../lib/app.mjs';
import { httpLoad, reportDatabase, watchDatabase } from '../lib/observe.mjs';
import { login } from '../lib/seed.mjs';
import { explain, sqlLoad, tenantTransaction } from '../lib/sql-load.mjs';

export const name = 'dashboard';

const TARGET_P99_MS = 50;
const ms = (v) => `${Number(v).toFixed(v < 10 ? 2 : 1)} ms`;

/** The read the summary needs: whole UTC days from the daily roll-up, edges from the hours. */
function countersQuery(tenantId, from, to) {
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;
  const f = new Date(from).getTime();
  const t = new Date(to).getTime();
  const fromHour = new Date(Math.floor(f / HOUR) * HOUR).toISOString();
  const firstDay = Math.floor(f / DAY) * DAY + DAY;
  const lastDay = Math.max(Math.floor(t / DAY) * DAY, firstDay);
  const iso = (ms) => new Date(ms).toISOString();
  const metrics = `ARRAY['tickets', 'bookings', 'revenue']`;
  const where = `tenant_id = '${tenantId}' AND metric = ANY(${metrics})`;
  return `SELECT metric, key, sum(value) AS value FROM (
      SELECT metric, key, value FROM activity_daily
       WHERE ${where} AND day >= '${iso(firstDay).slice(0, 10)}' AND day < '${iso(lastDay).slice(0, 10)}'
      UNION ALL
      SELECT metric, key, value FROM activity_counters
       WHERE ${where} AND hour >= '${fromHour}' AND hour < '${iso(Math.min(t, firstDay))}'
      UNION ALL
      SELECT metric, key, value FROM activity_counters
       WHERE ${where} AND hour >= '${iso(lastDay)}' AND hour < '${to}') parts
    GROUP BY metric, key`;
}

async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** The summary's ticket and booking totals against counts of the rows, for the same range. */
async function checkTotals(databaseUrl, tenantId, summary) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [sql],
    } = await client.query(
      `SELECT (SELECT count(*) FROM tickets WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3)::int AS tickets,
              (SELECT count(*) FROM bookings WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3)::int AS bookings`,
      [tenantId, summary.from, summary.to],
    );
    process.stderr.write(
      `  summary ${summary.from} … ${summary.to}: tickets ${summary.tickets?.total} ` +
        `(rows created in range: ${sql.tickets}), bookings ${summary.bookings?.total} ` +
        `(rows: ${sql.bookings})\n`,
    );
    // Counters are hourly: a range not on whole hours may differ by the partial hours' rows.
    return (
      Math.abs(summary.tickets?.total - sql.tickets) <= sql.tickets * 0.01 &&
      Math.abs(summary.bookings?.total - sql.bookings) <= sql.bookings * 0.01
    );
  } finally {
    await client.end();
  }
}

export async function run({ database, duration }) {
  const app = await startApp(database.url);
  const rows = [];
  try {
    const base = `http://127.0.0.1:${app.port}`;
    const { accessToken, tenantId } = await login(base);
    const headers = { authorization: `Bearer ${accessToken}` };

    const DAY = 24 * 3600 * 1000;
    const to = new Date();
    const from = new Date(to.getTime() - 365 * DAY);
    const ranges = [
      // The default range is the last 30 days up to the request.
      [
        'default range (30 days)',
        `${base}/api/v1/dashboard/summary`,
        { from: new Date(to.getTime() - 30 * DAY), to: new Date(to.getTime() + 3600 * 1000) },
      ],
      [
        '12 months',
        `${base}/api/v1/dashboard/summary?from=${encodeURIComponent(from.toISOString())}` +
          `&to=${encodeURIComponent(to.toISOString())}`,
        { from, to },
      ],
    ];

    let totalsOk = true;
    for (const [, url] of ranges) {
      totalsOk =
        (await checkTotals(database.url, tenantId, await getJson(url, headers))) && totalsOk;
    }
    rows.push({
      bench: 'GET /dashboard/summary',
      metric: 'totals match the rows',
      value: totalsOk ? 'yes' : 'no',
      target: 'tickets, bookings (±1 %)',
      ok: totalsOk,
    });

    for (const [label, url, range] of ranges) {
      // Reference: the counters of the same range summed by PostgreSQL alone, 50 clients.
      const query = countersQuery(tenantId, range.from.toISOString(), range.to.toISOString());
      const plan = await explain(database.url, tenantId, query);
      process.stderr.write(
        `  EXPLAIN ANALYZE, counters of ${label}:\n${plan.replace(/^/gm, '    ')}\n`,
      );
      const statements = tenantTransaction(tenantId, query);
      await sqlLoad({ databaseUrl: database.url, statements, duration: 2 });
      const reference = await sqlLoad({ databaseUrl: database.url, statements, duration });

      await httpLoad({ url, headers, duration: 2 }); // warm-up
      const activity = await watchDatabase(database.url, database.name, 50);
      const measured = await httpLoad({ url, headers, duration });
      reportDatabase(`dashboard ${label}`, await activity.stop());
      process.stderr.write(
        `  ${label}: API ${measured.rps.toFixed(0)} req/s, mean ${ms(measured.mean)}, ` +
          `max ${ms(measured.max)}; SQL (${reference.tool}) ${reference.rps.toFixed(0)} tx/s, ` +
          `mean ${ms(reference.mean)}\n`,
      );
      rows.push(
        {
          bench: `raw SQL: counters, ${label}`,
          metric: 'p50 / p99',
          value: `${ms(reference.p50)} / ${ms(reference.p99)}`,
          target: '(reference)',
        },
        {
          bench: `GET /dashboard/summary ${label}`,
          metric: 'p50 / p99',
          value: `${ms(measured.p50)} / ${ms(measured.p99)}`,
          target: `p99 ≤ ${TARGET_P99_MS} ms`,
          ok: measured.p99 <= TARGET_P99_MS,
        },
        {
          bench: `GET /dashboard/summary ${label}`,
          metric: '÷ raw SQL (mean)',
          value: `${(measured.mean / reference.mean).toFixed(2)} ×`,
          target: '',
        },
      );
    }
    return rows;
  } finally {
    await app.stop();
  }
}
