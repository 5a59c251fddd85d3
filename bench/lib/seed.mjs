// Bulk data for the benchmarks, generated with SQL (generate_series) as the owner role,
// which bypasses row-level security: seconds, not minutes, for millions of rows.
//
// The big tenant and its owner are registered through the API first (so the owner can log
// in and holds a real session), then its rows and the 9 other tenants are added with SQL.
// Activity counters are left to the tables' statement-level triggers.
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export const OWNER = {
  tenantName: 'Bench Big Tenant',
  name: 'Bench Owner',
  email: 'bench-owner@navaia.test',
  password: 'bench-correct-horse-battery',
};

/** Row counts; BENCH_SCALE (default 1) scales them all, for quick trial runs. */
export function seedSizes(scale = Number(process.env.BENCH_SCALE ?? 1)) {
  const n = (count) => Math.max(1, Math.round(count * scale));
  return {
    otherTenants: 9,
    bigCustomers: n(400_000),
    otherCustomers: n(600_000), // spread over the other tenants
    bigTickets: n(1_000_000),
    otherTicketsEach: n(3_000),
    bigBookings: n(500_000),
    otherBookingsEach: n(2_000),
  };
}

const log = (message) => process.stderr.write(`  seed: ${message}\n`);

export async function api(baseUrl, method, path, body, token) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Logs the big tenant's owner in: { accessToken, tenantId, userId }. */
export async function login(baseUrl) {
  const body = await api(baseUrl, 'POST', '/api/v1/auth/login', {
    email: OWNER.email,
    password: OWNER.password,
  });
  return { accessToken: body.accessToken, tenantId: body.tenant.id, userId: body.user.id };
}

// A time-ordered (version 7) id for a given creation time, as uuid_generate_v7() would have
// made at that moment; so that id order is creation order, as in production data.
const V7_AT = `
  CREATE FUNCTION pg_temp.v7_at(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(
      set_bit(set_bit(
        overlay(uuid_send(gen_random_uuid())
          placing substring(int8send((extract(epoch FROM ts) * 1000)::bigint) FROM 3)
          FROM 1 FOR 6),
      52, 1), 53, 1), 'hex')::uuid
  $$`;

const FIRST = `ARRAY['Ava','Liam','Noah','Emma','Olivia','Mia','Lucas','Amir','Sofia','Yusuf',
  'Hana','Omar','Lina','Mateo','Chloe','Ethan','Zara','Leo','Nora','Ivan']`;
const LAST = `ARRAY['Smith','Garcia','Khan','Müller','Rossi','Nguyen','Haddad','Silva','Kim',
  'Johnson','Brown','Novak','Costa','Sato','Dubois','Ali','Jensen','Lopez','Popov','Walsh']`;
const SUBJECTS = `ARRAY['Cannot log in to my account','Refund request','Reschedule appointment',
  'Wrong amount charged','Question about opening hours','Change of address','Cancel my booking',
  'Service was late','Invoice copy needed','Complaint about staff','Follow-up after call',
  'Price quote request','Payment failed','Update phone number','Missing confirmation email',
  'Feedback on last visit']`;
const PRODUCTS = `ARRAY['basic plan','premium plan','home visit','consultation','repair',
  'installation','subscription','gift card']`;
const SERVICES = `ARRAY['Consultation','Haircut','Dental cleaning','Car service','Massage',
  'Home cleaning','Repair visit','Training session','Photo shoot','Tax advice']`;

/** Customers for the tenants of $2, a JSON array of { tenant_id, n }, created over 2 years. */
const INSERT_CUSTOMERS = `
  INSERT INTO customers (id, tenant_id, first_name, last_name, email, phone, tags, do_not_call,
                         created_at, updated_at)
  SELECT pg_temp.v7_at(c.created_at), c.tenant_id, c.first_name, c.last_name,
         lower(c.first_name) || '.' || lower(c.last_name) || c.i || '@example.com',
         '+1' || (2000000000 + c.i)::text,
         CASE WHEN c.r < 0.70 THEN '{}'::text[] WHEN c.r < 0.85 THEN '{vip}'
              WHEN c.r < 0.95 THEN '{newsletter}' ELSE '{vip,newsletter}' END,
         random() < 0.03, c.created_at, c.created_at
    FROM (SELECT t.tenant_id, i,
                 (${FIRST})[1 + floor(random() * 20)::int] AS first_name,
                 (${LAST})[1 + floor(random() * 20)::int] AS last_name,
                 $1::timestamptz - interval '730 days' * ((t.n - i + 1)::float8 / t.n) AS created_at,
                 random() AS r
            FROM json_to_recordset($2::json) AS t (tenant_id uuid, n int)
            CROSS JOIN LATERAL generate_series(1, t.n) AS i) c`;

/**
 * Tickets for the tenants of `targets` (tenant_id, n, assignee_id), numbered 1…n in creation
 * order over the last 12 months; customers picked at random among the tenant's customers
 * (temp table seed_customers (tenant_id, rn, id), with seed_customer_counts (tenant_id, n)).
 */
const insertTickets = (targets) => `
  INSERT INTO tickets (id, tenant_id, number, customer_id, subject, description, priority, status,
                       source, assignee_id, created_at, updated_at, resolved_at, closed_at)
  SELECT pg_temp.v7_at(g.created_at), g.tenant_id, g.i, sc.id,
         (${SUBJECTS})[1 + floor(g.r_subject * 16)::int] || ' – ' || (${PRODUCTS})[1 + floor(g.r_product * 8)::int],
         CASE WHEN g.r_desc < 0.6 THEN NULL
              ELSE 'Customer said: ' || (${SUBJECTS})[1 + floor(g.r_desc * 16)::int] || '. Details noted during the conversation.' END,
         CASE WHEN g.r_pri < 0.20 THEN 'low' WHEN g.r_pri < 0.70 THEN 'normal'
              WHEN g.r_pri < 0.92 THEN 'high' ELSE 'urgent' END,
         g.status,
         CASE WHEN g.r_src < 0.30 THEN 'manual' WHEN g.r_src < 0.85 THEN 'voice' ELSE 'api' END,
         CASE WHEN g.r_assign < 0.30 THEN g.assignee_id END,
         g.created_at,
         coalesce(g.closed_at, g.resolved_at, g.created_at),
         g.resolved_at, g.closed_at
    FROM (SELECT s.*,
                 CASE WHEN s.status IN ('resolved', 'closed')
                      THEN least($1::timestamptz, s.created_at + interval '72 hours' * random()) END AS resolved_at,
                 CASE WHEN s.status = 'closed'
                      THEN least($1::timestamptz, s.created_at + interval '72 hours' + interval '96 hours' * random()) END AS closed_at
            FROM (SELECT r.*,
                         CASE WHEN r.r_status < 0.25 THEN 'open' WHEN r.r_status < 0.40 THEN 'in_progress'
                              WHEN r.r_status < 0.70 THEN 'resolved' ELSE 'closed' END AS status
                    FROM (SELECT t.tenant_id, t.assignee_id, i,
                                 $1::timestamptz - interval '365 days' * ((t.n - i + 1)::float8 / t.n) AS created_at,
                                 random() AS r_status,
                                 random() AS r_subject, random() AS r_product, random() AS r_desc,
                                 random() AS r_pri, random() AS r_src, random() AS r_assign,
                                 1 + floor(random() * cc.n)::int AS customer_rn
                            FROM ${targets} t
                            JOIN seed_customer_counts cc USING (tenant_id)
                            CROSS JOIN LATERAL generate_series(1, t.n) AS i) r) s) g
    JOIN seed_customers sc ON sc.tenant_id = g.tenant_id AND sc.rn = g.customer_rn
   ORDER BY g.tenant_id, g.i`;

/**
 * Bookings created over the last 12 months, starting up to 3 weeks after creation: past ones
 * mostly completed (some cancelled or no-show), future ones pending or confirmed.
 */
const insertBookings = (targets) => `
  INSERT INTO bookings (id, tenant_id, customer_id, service, starts_at, ends_at, amount_cents,
                        currency, status, created_at, updated_at)
  SELECT pg_temp.v7_at(g.created_at), g.tenant_id, sc.id,
         (${SERVICES})[1 + floor(g.r_service * 10)::int],
         g.starts_at,
         g.starts_at + interval '15 minutes' * (2 + floor(g.r_length * 5)),
         (25 + floor(g.r_amount * 476))::bigint * 100,
         'USD',
         CASE WHEN g.starts_at > $1::timestamptz THEN
                CASE WHEN g.r_status < 0.40 THEN 'pending' WHEN g.r_status < 0.95 THEN 'confirmed'
                     ELSE 'cancelled' END
              ELSE
                CASE WHEN g.r_status < 0.05 THEN 'pending' WHEN g.r_status < 0.15 THEN 'confirmed'
                     WHEN g.r_status < 0.80 THEN 'completed' WHEN g.r_status < 0.92 THEN 'cancelled'
                     ELSE 'no_show' END
         END,
         g.created_at, g.created_at
    FROM (SELECT t.tenant_id, i,
                 $1::timestamptz - interval '365 days' * ((t.n - i + 1)::float8 / t.n) AS created_at,
                 $1::timestamptz - interval '365 days' * ((t.n - i + 1)::float8 / t.n)
                   + interval '21 days' * random() AS starts_at,
                 random() AS r_service, random() AS r_length, random() AS r_amount,
                 random() AS r_status,
                 1 + floor(random() * cc.n)::int AS customer_rn
            FROM ${targets} t
            JOIN seed_customer_counts cc USING (tenant_id)
            CROSS JOIN LATERAL generate_series(1, t.n) AS i) g
    JOIN seed_customers sc ON sc.tenant_id = g.tenant_id AND sc.rn = g.customer_rn
   ORDER BY g.tenant_id, g.created_at`;

const BULK_TABLES = ['customers', 'tickets', 'bookings'];

/** Definitions of the secondary indexes and foreign keys of `tables`, which bulk loading drops. */
async function secondaryStructures(db, tables) {
  const { rows: indexes } = await db.query(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(i.oid) AS def,
            pg_get_indexdef(i.oid) LIKE '%gin_trgm_ops%' AS slow
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_am am ON am.oid = i.relam
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
      ORDER BY 1, 2`,
    [tables],
  );
  const { rows: foreignKeys } = await db.query(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND c.contype = 'f'
      ORDER BY 1, 2`,
    [tables],
  );
  return { indexes, foreignKeys };
}

/** Every index, constraint and trigger of `tables`: must be the same before and after seeding. */
async function schemaFingerprint(db, tables) {
  const { rows } = await db.query(
    `SELECT string_agg(d, E'\\n' ORDER BY d) AS fingerprint FROM (
       SELECT pg_get_indexdef(x.indexrelid) AS d FROM pg_index x
        WHERE x.indrelid::regclass::text = ANY($1)
       UNION ALL
       SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
         FROM pg_constraint WHERE conrelid::regclass::text = ANY($1)
       UNION ALL
       SELECT tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) || ' ' || tgenabled::text
         FROM pg_trigger WHERE tgrelid::regclass::text = ANY($1) AND NOT tgisinternal) AS all_defs`,
    [tables],
  );
  return rows[0].fingerprint;
}

/**
 * Rebuilds dropped indexes on several connections at once, starting with a table's indexes
 * as soon as that table is loaded (while the next table loads), the slow GIN ones first.
 */
function indexBuilder(indexes) {
  const queue = [];
  let closed = false;
  let waiting = [];
  const wake = () => {
    for (const resolve of waiting) resolve();
    waiting = [];
  };
  const next = async () => {
    for (;;) {
      if (queue.length) return queue.shift();
      if (closed) return undefined;
      await new Promise((resolve) => waiting.push(resolve));
    }
  };
  const workers = [];
  return {
    /** `table` is loaded: its indexes may be built. */
    ready(table) {
      queue.push(...indexes.filter((i) => i.table === table));
      queue.sort((x, y) => Number(y.slow) - Number(x.slow));
      wake();
    },
    /** Builds queued indexes on `client` until the builder is closed and the queue empty. */
    work(client) {
      const worker = (async () => {
        for (let index = await next(); index; index = await next()) {
          const t = performance.now();
          await client.query(index.def);
          log(`  index ${index.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
        }
      })();
      workers.push(worker);
      worker.catch(() => undefined); // awaited in done()
    },
    async done() {
      closed = true;
      wake();
      await Promise.all(workers);
    },
  };
}

/**
 * Seeds the database behind the running app at `baseUrl` (migrated: the app ran them on
 * start). Returns the owner's session and what was created, with the time it took.
 */
export async function seedDatabase({ databaseUrl, baseUrl, sizes = seedSizes() }) {
  const started = performance.now();
  const step = async (label, work) => {
    const t = performance.now();
    const result = await work();
    const count = typeof result?.rowCount === 'number' ? ` ${result.rowCount} rows,` : '';
    log(`${label}:${count} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };

  const registered = await step('register the big tenant through the API', () =>
    api(baseUrl, 'POST', '/api/v1/auth/register', OWNER),
  );
  const bigTenantId = registered.tenant.id;
  const ownerId = registered.user.id;

  const clients = [0, 1].map(() => new pg.Client({ connectionString: databaseUrl }));
  const [db] = clients;
  const now = new Date();
  try {
    for (const client of clients) {
      await client.connect();
      await client.query(`SET synchronous_commit = off`);
      await client.query(`SET work_mem = '128MB'`);
      await client.query(`SET maintenance_work_mem = '512MB'`);
    }
    for (const client of clients) await client.query(V7_AT);

    // Bulk loading as PostgreSQL's manual advises ("Populating a Database"): without the
    // secondary indexes and foreign keys, which are rebuilt in bulk afterwards, exactly as
    // the migrations defined them (checked below). Triggers stay on: the activity counters
    // are maintained as in production.
    const fingerprint = await schemaFingerprint(db, BULK_TABLES);
    const dropped = await secondaryStructures(db, BULK_TABLES);
    await step(
      `drop ${dropped.indexes.length} secondary indexes and ${dropped.foreignKeys.length} foreign keys`,
      async () => {
        for (const fk of dropped.foreignKeys)
          await db.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
        for (const index of dropped.indexes) await db.query(`DROP INDEX ${index.name}`);
      },
    );
    const builder = indexBuilder(dropped.indexes);
    for (const [i, client] of clients.entries())
      await client.query(`SELECT setseed($1)`, [0.42 + i / 10]);

    // The other tenants, each with an owner (same password as the big tenant's owner).
    const { rows: others } = await step(`${sizes.otherTenants} other tenants and owners`, () =>
      db.query(
        `WITH t AS (
           INSERT INTO tenants (name, timezone, default_country, calling_window, limits)
           SELECT 'Bench Tenant ' || i, (ARRAY['UTC','Europe/Berlin','America/New_York'])[1 + i % 3],
                  'US', (SELECT calling_window FROM tenants WHERE id = $1),
                  (SELECT limits FROM tenants WHERE id = $1)
             FROM generate_series(1, $2::int) AS i
           RETURNING id, name),
         u AS (
           INSERT INTO users (tenant_id, name, email, role, password_hash)
           SELECT t.id, 'Owner of ' || t.name,
                  'bench-owner-' || lower(replace(t.name, ' ', '-')) || '@navaia.test', 'owner',
                  (SELECT password_hash FROM users WHERE id = $3)
             FROM t
           RETURNING tenant_id, id)
         SELECT t.id AS tenant_id, u.id AS owner_id FROM t JOIN u ON u.tenant_id = t.id
          ORDER BY t.id`,
        [bigTenantId, sizes.otherTenants, ownerId],
      ),
    );

    // Customers: the big tenant's share, and the rest spread evenly over the others.
    const each = Math.floor(sizes.otherCustomers / others.length);
    const customerTargets = [
      { tenant_id: bigTenantId, n: sizes.bigCustomers },
      ...others.map((o, i) => ({
        tenant_id: o.tenant_id,
        n: each + (i === others.length - 1 ? sizes.otherCustomers - each * others.length : 0),
      })),
    ];
    await db.query(`CREATE TEMP TABLE seed_customer_counts (tenant_id uuid PRIMARY KEY, n int)`);
    await db.query(
      `INSERT INTO seed_customer_counts SELECT * FROM json_to_recordset($1::json) AS x(tenant_id uuid, n int)`,
      [JSON.stringify(customerTargets)],
    );
    // The big tenant's on one connection, the others' on the other, at the same time.
    await step(`${sizes.bigCustomers + sizes.otherCustomers} customers`, () =>
      Promise.all([
        db.query(INSERT_CUSTOMERS, [now, JSON.stringify(customerTargets.slice(0, 1))]),
        clients[1].query(INSERT_CUSTOMERS, [now, JSON.stringify(customerTargets.slice(1))]),
      ]).then(([a, b]) => ({ rowCount: a.rowCount + b.rowCount })),
    );
    await step('customer lookup table', async () => {
      await db.query(
        `CREATE TEMP TABLE seed_customers AS
           SELECT tenant_id, (row_number() OVER (PARTITION BY tenant_id ORDER BY id))::int AS rn, id
             FROM customers`,
      );
      await db.query(`ANALYZE seed_customers`);
    });

    // Its indexes build on the second connection while tickets and bookings load on the first.
    builder.ready('customers');
    builder.work(clients[1]);

    // Tickets and bookings: the big tenant, then the others.
    await db.query(
      `CREATE TEMP TABLE seed_targets (tenant_id uuid PRIMARY KEY, n int, assignee_id uuid, big boolean)`,
    );
    await db.query(`INSERT INTO seed_targets VALUES ($1, 0, $2, true)`, [bigTenantId, ownerId]);
    for (const o of others) {
      await db.query(`INSERT INTO seed_targets VALUES ($1, 0, $2, false)`, [
        o.tenant_id,
        o.owner_id,
      ]);
    }
    const setCounts = (big, other) =>
      db.query(`UPDATE seed_targets SET n = CASE WHEN big THEN $1::int ELSE $2::int END`, [
        big,
        other,
      ]);

    await setCounts(sizes.bigTickets, sizes.otherTicketsEach);
    await step(`${sizes.bigTickets} + ${others.length} × ${sizes.otherTicketsEach} tickets`, () =>
      db.query(insertTickets('seed_targets'), [now]),
    );
    builder.ready('tickets');
    await step('ticket number sequences', () =>
      db.query(
        `INSERT INTO tenant_sequences (tenant_id, name, value)
         SELECT tenant_id, 'ticket', n FROM seed_targets
         ON CONFLICT (tenant_id, name) DO UPDATE SET value = EXCLUDED.value`,
      ),
    );

    await setCounts(sizes.bigBookings, sizes.otherBookingsEach);
    await step(
      `${sizes.bigBookings} + ${others.length} × ${sizes.otherBookingsEach} bookings`,
      () => db.query(insertBookings('seed_targets'), [now]),
    );

    builder.ready('bookings');
    builder.work(db);
    await step('rest of the index builds', () => builder.done());
    // Foreign keys back, each validated by one join instead of a trigger call per row.
    await step('foreign keys', async () => {
      for (const fk of dropped.foreignKeys)
        await db.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    });
    const restored = await schemaFingerprint(db, BULK_TABLES);
    if (restored !== fingerprint) {
      const before = new Set(fingerprint.split('\n'));
      const after = new Set(restored.split('\n'));
      throw new Error(
        'seeding left the schema different from the migrations:\n' +
          [...before]
            .filter((d) => !after.has(d))
            .map((d) => `- ${d}`)
            .join('\n') +
          '\n' +
          [...after]
            .filter((d) => !before.has(d))
            .map((d) => `+ ${d}`)
            .join('\n'),
      );
    }

    // A long-lived database has been vacuumed and analysed by autovacuum: do the same, so
    // plans and visibility (index-only scans, hint bits) are those of steady state.
    await step('VACUUM ANALYZE', async () => {
      for (const table of [
        'tenants',
        'users',
        'customers',
        'tickets',
        'bookings',
        'tenant_sequences',
        'activity_counters',
      ]) {
        await db.query(`VACUUM (ANALYZE) ${table}`);
      }
    });

    const {
      rows: [counts],
    } = await db.query(
      `SELECT (SELECT count(*) FROM tenants)::int AS tenants,
              (SELECT count(*) FROM customers)::int AS customers,
              (SELECT count(*) FROM tickets)::int AS tickets,
              (SELECT count(*) FROM tickets WHERE tenant_id = $1)::int AS big_tickets,
              (SELECT count(*) FROM tickets WHERE tenant_id = $1 AND status = 'open')::int AS big_open_tickets,
              (SELECT count(*) FROM bookings)::int AS bookings,
              (SELECT count(*) FROM bookings WHERE tenant_id = $1)::int AS big_bookings,
              (SELECT count(*) FROM activity_counters)::int AS activity_counters,
              to_regclass('calls') IS NOT NULL AS calls_table`,
      [bigTenantId],
    );
    const seconds = (performance.now() - started) / 1000;
    log(`done in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}`);
    if (counts.calls_table) log('a calls table exists but is not seeded by this script');
    return {
      seconds,
      counts,
      tenantId: bigTenantId,
      userId: ownerId,
      accessToken: registered.accessToken,
    };
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
  }
}
