// npm run bench [-- suite …]: runs the benchmark suites and prints one table.
// Each figure is reported next to a reference measured in the same run, because
// absolute numbers drift on shared machines.
import { createDatabase } from './lib/app.mjs';
import * as frameworkShare from './suites/framework-share.mjs';

const suites = [frameworkShare];
const only = process.argv.slice(2);
const duration = Number(process.env.BENCH_DURATION ?? 10);

const rows = [];
const database = await createDatabase();
try {
  for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
    process.stderr.write(`▶ ${suite.name}…\n`);
    rows.push(...(await suite.run({ database, duration })));
  }
} finally {
  await database.drop();
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
