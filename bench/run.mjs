// npm run bench [-- suite …]: runs the benchmark suites and prints one table.
// Each figure is reported next to a reference measured in the same run, because
// absolute numbers drift on shared machines.
//
// Suites are selected by name or by file name (`npm run bench -- ticket-list dashboard`).
// Suites that need data (`seeded = true`) share one database, seeded once with SQL.
// BENCH_DURATION (s, default 10) sets each measurement's length; BENCH_KEEP_DB=1 keeps the
// database and prints its name, BENCH_DATABASE=<name> runs against such a kept database.
import pg from 'pg';
import { createDatabase, startApp } from './lib/app.mjs';
import { login, seedDatabase } from './lib/seed.mjs';
import * as dashboard from './suites/dashboard.mjs';
import * as campaignDialing from './suites/campaign-dialing.mjs';
import * as dialPacing from './suites/dial-pacing.mjs';
import * as frameworkShare from './suites/framework-share.mjs';
import * as ticketList from './suites/ticket-list.mjs';
import * as webhookIntake from './suites/webhook-intake.mjs';

const suites = [
  { module: frameworkShare, file: 'framework-share', seeded: false },
  { module: ticketList, file: 'ticket-list', seeded: true },
  { module: dashboard, file: 'dashboard', seeded: true },
  { module: webhookIntake, file: 'webhook-intake', seeded: false },
  { module: dialPacing, file: 'dial-pacing', seeded: false },
  { module: campaignDialing, file: 'campaign-dialing', seeded: false },
];
const only = process.argv.slice(2);
const selected = suites.filter(
  (s) => only.length === 0 || only.includes(s.module.name) || only.includes(s.file),
);
if (selected.length === 0) {
  const names = suites.map((s) => `${s.module.name} (${s.file})`).join(', ');
  console.error(`No suite matches ${only.join(', ')}; suites: ${names}`);
  process.exit(2);
}
const duration = Number(process.env.BENCH_DURATION ?? 10);

/** A kept database from an earlier run (BENCH_DATABASE), or a fresh one. */
async function openDatabase() {
  const kept = process.env.BENCH_DATABASE;
  if (!kept) return createDatabase();
  const url = new URL(
    process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${kept}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect(); // fails clearly when it does not exist
  await client.end();
  return { name: kept, url: url.toString(), drop: async () => undefined, kept: true };
}

const rows = [];
const database = await openDatabase();
/** Seeds once, on first need: migrations (by starting the app), the owner, the rows. */
let seeding;
const seed = () =>
  (seeding ??= (async () => {
    process.stderr.write(`▶ seed (${database.name})…\n`);
    const app = await startApp(database.url);
    try {
      const base = `http://127.0.0.1:${app.port}`;
      if (database.kept) {
        const session = await login(base).catch(() => undefined);
        if (session) {
          rows.push({ bench: 'seed', metric: 'time', value: 'kept database', target: '' });
          return session;
        }
      }
      const seeded = await seedDatabase({ databaseUrl: database.url, baseUrl: base });
      const c = seeded.counts;
      rows.push({
        bench: 'seed (SQL generate_series)',
        metric: 'time',
        value: `${seeded.seconds.toFixed(1)} s`,
        target: '≤ 60 s',
        ok: seeded.seconds <= 60,
      });
      rows.push({
        bench: 'seed (SQL generate_series)',
        metric: 'rows',
        value:
          `${c.tenants} tenants, ${c.customers} customers, ${c.tickets} tickets ` +
          `(${c.big_tickets} in one, ${c.big_open_tickets} open), ${c.bookings} bookings`,
        target: '',
      });
      return seeded;
    } finally {
      await app.stop();
    }
  })());

let failed = false;
try {
  for (const suite of selected) {
    if (suite.seeded) await seed();
    process.stderr.write(`▶ ${suite.module.name}…\n`);
    try {
      rows.push(...(await suite.module.run({ database, duration })));
    } catch (error) {
      // One suite failing (an endpoint missing, say) still prints the others' figures.
      failed = true;
      process.stderr.write(`  ${suite.module.name} failed: ${error.stack ?? error}\n`);
      rows.push({
        bench: suite.module.name,
        metric: 'error',
        value: String(error.message ?? error).slice(0, 80),
        target: '',
        ok: false,
      });
    }
  }
} finally {
  if (process.env.BENCH_KEEP_DB === '1' && !database.kept) {
    process.stderr.write(`database kept: BENCH_DATABASE=${database.name}\n`);
  } else {
    await database.drop();
  }
}

const columns = ['bench', 'metric', 'value', 'target', 'result'];
const table = rows.map((r) => ({ ...r, result: r.ok === undefined ? '' : r.ok ? 'pass' : 'FAIL' }));
const widths = columns.map((c) =>
  Math.max(c.length, ...table.map((r) => String(r[c] ?? '').length)),
);
const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
console.log(line(columns));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table) console.log(line(columns.map((c) => r[c])));
// A kept database leaves createDatabase's admin connection open: end explicitly.
if (process.env.BENCH_KEEP_DB === '1') process.exit(failed ? 1 : 0);
if (failed) process.exitCode = 1;
