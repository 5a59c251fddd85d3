// GET /api/v1/tickets?status=open&limit=50 for the tenant with 1 000 000 tickets, on page 1
// and on a deep page (reached by following nextCursor), at 50 connections; each against the
// same page read with raw SQL (same transaction shape as the app) in the same run, and the
// API process's memory under that load.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startApp } from '../lib/app.mjs';
import {
  httpLoad,
  mergeLoads,
  reportDatabase,
  rssMb,
  watchDatabase,
  watchRss,
} from '../lib/observe.mjs';
import { login } from '../lib/seed.mjs';
import { explain, sqlLoad, tenantTransaction } from '../lib/sql-load.mjs';

export const name = 'ticket list';

const LIMIT = 50;
/** The deep page: 200 pages of 50 in, i.e. after 9 950 newer open tickets. */
const DEEP_PAGE = Number(process.env.BENCH_DEEP_PAGE ?? 200);
const PATH = `/api/v1/tickets?status=open&limit=${LIMIT}`;

const TARGET = { p99Ms: 25, apiOverSql: 3, deepOverFirst: 1.25, rssMb: 300 };

/**
 * The page the API returns, in SQL: the tickets (every column) and their customers' names
 * for the display name, newest first, one row more than the page to know if there is a next.
 */
function pageQuery(tenantId, beforeId) {
  return `SELECT t.*, c.first_name, c.last_name FROM tickets t
    LEFT JOIN customers c ON c.tenant_id = t.tenant_id AND c.id = t.customer_id
    WHERE t.tenant_id = '${tenantId}' AND t.status = 'open'${beforeId ? ` AND t.id < '${beforeId}'` : ''}
    ORDER BY t.id DESC LIMIT ${LIMIT + 1}`;
}

async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

const ms = (v) => `${Number(v).toFixed(v < 10 ? 2 : 1)} ms`;
const times = (v) => `${v.toFixed(2)} ×`;

export async function run({ database, duration }) {
  const app = await startApp(database.url);
  const rows = [];
  try {
    const idleRss = rssMb(app.pid);
    const base = `http://127.0.0.1:${app.port}`;
    const { accessToken, tenantId } = await login(base);
    const headers = { authorization: `Bearer ${accessToken}` };

    // Follow nextCursor to the deep page; ids must fall strictly from page to page.
    process.stderr.write(`  following nextCursor to page ${DEEP_PAGE}…\n`);
    const first = await getJson(`${base}${PATH}`, headers);
    let page = first;
    let deepCursor;
    let previousLastId;
    let walkOk = true;
    const walkStarted = performance.now();
    for (let n = 2; n <= DEEP_PAGE; n += 1) {
      if (!page.nextCursor) throw new Error(`page ${n - 1} has no nextCursor`);
      previousLastId = page.data[page.data.length - 1].id;
      deepCursor = page.nextCursor;
      page = await getJson(`${base}${PATH}&cursor=${encodeURIComponent(deepCursor)}`, headers);
      const ids = [previousLastId, ...page.data.map((t) => t.id)];
      walkOk &&= page.data.length === LIMIT && ids.every((id, i) => i === 0 || id < ids[i - 1]);
      walkOk &&= page.data.every((t) => t.status === 'open');
    }
    const walkMs = (performance.now() - walkStarted) / Math.max(1, DEEP_PAGE - 1);
    const deepUrl = `${base}${PATH}&cursor=${encodeURIComponent(deepCursor)}`;
    const deep = page;
    process.stderr.write(
      `  ${DEEP_PAGE - 1} pages followed, ${walkMs.toFixed(1)} ms each sequentially; ` +
        `deep page starts at #${deep.data[0]?.number}\n`,
    );

    // The same pages in SQL, for the order check and the reference load.
    const page1Sql = pageQuery(tenantId);
    const deepSql = pageQuery(tenantId, previousLastId);
    const orderOk = await sameOrder(database.url, tenantId, [
      [page1Sql, first.data],
      [deepSql, deep.data],
    ]);
    rows.push({
      bench: 'GET /tickets',
      metric: `pages 1…${DEEP_PAGE}`,
      value: orderOk && walkOk ? 'as SQL' : 'differ',
      target: 'as SQL; open only, newest first',
      ok: orderOk && walkOk,
    });

    for (const [label, sql] of [
      ['page 1', page1Sql],
      [`page ${DEEP_PAGE}`, deepSql],
    ]) {
      process.stderr.write(`  EXPLAIN ANALYZE, raw SQL of ${label}:\n`);
      const plan = await explain(database.url, tenantId, sql);
      process.stderr.write(`${plan.replace(/^/gm, '    ')}\n`);
    }

    // Each page's raw SQL and API loads, split in two halves run in A B B A order, so that
    // drift of a shared machine falls on all four figures alike.
    const half = Math.max(1, Math.round(duration / 2));
    const loads = {
      sql1: () =>
        sqlLoad({
          databaseUrl: database.url,
          statements: tenantTransaction(tenantId, page1Sql),
          duration: half,
        }),
      sqlDeep: () =>
        sqlLoad({
          databaseUrl: database.url,
          statements: tenantTransaction(tenantId, deepSql),
          duration: half,
        }),
      api1: () => httpLoad({ url: `${base}${PATH}`, headers, duration: half }),
      apiDeep: () => httpLoad({ url: deepUrl, headers, duration: half }),
    };
    await sqlLoad({
      databaseUrl: database.url,
      statements: tenantTransaction(tenantId, page1Sql),
      duration: 2,
    });
    await httpLoad({ url: `${base}${PATH}`, headers, duration: 2 }); // warm-up
    const runs = { sql1: [], sqlDeep: [], api1: [], apiDeep: [] };
    const rss = watchRss(app.pid);
    const activity = await watchDatabase(database.url, database.name, 50);
    const order = ['sql1', 'sqlDeep', 'api1', 'apiDeep'];
    for (const key of [...order, ...[...order].reverse()]) runs[key].push(await loads[key]());
    const memory = rss.stop();
    reportDatabase('GET /tickets (page 1 and deep)', await activity.stop());
    const p1 = { reference: mergeLoads(runs.sql1), measured: mergeLoads(runs.api1) };
    const pd = { reference: mergeLoads(runs.sqlDeep), measured: mergeLoads(runs.apiDeep) };
    for (const [label, { reference, measured }] of [
      ['page 1', p1],
      [`page ${DEEP_PAGE}`, pd],
    ]) {
      process.stderr.write(
        `  ${label}: API ${measured.rps.toFixed(0)} req/s mean ${ms(measured.mean)}; ` +
          `SQL (${reference.tool}) ${reference.rps.toFixed(0)} tx/s mean ${ms(reference.mean)}\n`,
      );
    }

    for (const [label, { reference, measured }] of [
      ['page 1', p1],
      [`page ${DEEP_PAGE}`, pd],
    ]) {
      const ratio = measured.mean / reference.mean;
      rows.push(
        {
          bench: `raw SQL ${label}`,
          metric: 'p50 / p99',
          value: `${ms(reference.p50)} / ${ms(reference.p99)}`,
          target: '(reference)',
        },
        {
          bench: `GET /tickets ${label}`,
          metric: 'p50 / p99',
          value: `${ms(measured.p50)} / ${ms(measured.p99)}`,
          target: `p99 ≤ ${TARGET.p99Ms} ms`,
          ok: measured.p99 <= TARGET.p99Ms,
        },
        {
          bench: `GET /tickets ${label}`,
          metric: 'API ÷ raw SQL (mean)',
          value: `${times(ratio)} (p99 ${times(measured.p99 / reference.p99)})`,
          target: `≤ ${TARGET.apiOverSql} ×`,
          ok: ratio <= TARGET.apiOverSql,
        },
      );
    }
    const deepRatio = pd.measured.mean / p1.measured.mean;
    rows.push({
      bench: `GET /tickets page ${DEEP_PAGE}`,
      metric: '÷ page 1 (mean)',
      value: `${times(deepRatio)} (SQL ${times(pd.reference.mean / p1.reference.mean)})`,
      target: `≈ 1 (≤ ${TARGET.deepOverFirst} ×)`,
      ok: deepRatio <= TARGET.deepOverFirst,
    });
    const peak = memory.peak;
    rows.push({
      bench: 'API memory under list load',
      metric: 'peak RSS',
      value: `${peak.toFixed(0)} MB (idle ${idleRss?.toFixed(0)} MB)`,
      target: `≤ ${TARGET.rssMb} MB`,
      ok: peak <= TARGET.rssMb,
    });
    return rows;
  } finally {
    await app.stop();
  }
}

/** Whether each API page lists the same ticket ids, in the same order, as its SQL. */
async function sameOrder(databaseUrl, tenantId, pairs) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let ok = true;
    for (const [sql, data] of pairs) {
      await client.query('BEGIN');
      await client.query('SET LOCAL role navaia_app');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await client.query(sql);
      await client.query('COMMIT');
      const expected = rows.slice(0, LIMIT).map((r) => r.id);
      const actual = data.map((t) => t.id);
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        ok = false;
        process.stderr.write(
          `  page differs from SQL: first ids API ${actual.slice(0, 3)} vs SQL ${expected.slice(0, 3)}\n`,
        );
      }
    }
    return ok;
  } finally {
    await client.end();
  }
}
