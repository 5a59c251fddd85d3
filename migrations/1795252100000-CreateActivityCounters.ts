import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

/**
 * Hourly activity counters for the dashboard, kept by statement-level triggers in the same
 * transaction as the rows they count: a dashboard reads a few hundred counter rows instead
 * of counting millions of records, and bulk inserts update each counter once per statement.
 * Buckets are UTC hours of creation, so any hour-aligned time zone groups them exactly.
 */
export class CreateActivityCounters1795252100000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_counters (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        metric text NOT NULL CHECK (metric IN ('tickets', 'bookings', 'revenue')),
        hour timestamptz NOT NULL,
        -- the status for tickets and bookings, the currency for revenue
        key text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (tenant_id, metric, hour, key)
      )`);
    await enableTenantRls(q, 'activity_counters', ['SELECT', 'INSERT', 'UPDATE']);
    // Daily roll-ups of the same counts: a year's summary sums ~365 rows a key, not ~8 760.
    await q.query(`
      CREATE TABLE activity_daily (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        metric text NOT NULL CHECK (metric IN ('tickets', 'bookings', 'revenue')),
        day date NOT NULL,
        key text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (tenant_id, metric, day, key)
      )`);
    await enableTenantRls(q, 'activity_daily', ['SELECT', 'INSERT', 'UPDATE']);

    const hour = `date_trunc('hour', created_at)`;
    const triggers: Record<string, { added: string[]; removed: string[] }> = {
      tickets: {
        added: [
          `SELECT tenant_id, 'tickets' AS metric, ${hour} AS hour, status AS key, 1::bigint AS delta FROM new_rows`,
        ],
        removed: [`SELECT tenant_id, 'tickets', ${hour}, status, -1 FROM old_rows`],
      },
      bookings: {
        added: [
          `SELECT tenant_id, 'bookings' AS metric, ${hour} AS hour, status AS key, 1::bigint AS delta FROM new_rows`,
          `SELECT tenant_id, 'revenue', ${hour}, currency, amount_cents FROM new_rows WHERE status IN ('confirmed', 'completed')`,
        ],
        removed: [
          `SELECT tenant_id, 'bookings', ${hour}, status, -1 FROM old_rows`,
          `SELECT tenant_id, 'revenue', ${hour}, currency, -amount_cents FROM old_rows WHERE status IN ('confirmed', 'completed')`,
        ],
      },
    };
    for (const [table, { added, removed }] of Object.entries(triggers)) {
      // Transition tables exist only for the events that have them (and only inside the
      // trigger's own function): one function per event, each summing its deltas per counter.
      const events = [
        { op: 'insert', parts: added, referencing: 'NEW TABLE AS new_rows' },
        {
          op: 'update',
          parts: [...removed, ...added],
          referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        },
        { op: 'delete', parts: removed, referencing: 'OLD TABLE AS old_rows' },
      ];
      for (const { op, parts, referencing } of events) {
        await q.query(`
          CREATE FUNCTION ${table}_activity_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO activity_counters (tenant_id, metric, hour, key, value)
            SELECT tenant_id, metric, hour, key, sum(delta)
              FROM (${parts.join(' UNION ALL ')}) AS d (tenant_id, metric, hour, key, delta)
             GROUP BY 1, 2, 3, 4
            HAVING sum(delta) <> 0
            ON CONFLICT (tenant_id, metric, hour, key)
              DO UPDATE SET value = activity_counters.value + EXCLUDED.value;
            INSERT INTO activity_daily (tenant_id, metric, day, key, value)
            SELECT tenant_id, metric, (hour AT TIME ZONE 'UTC')::date, key, sum(delta)
              FROM (${parts.join(' UNION ALL ')}) AS d (tenant_id, metric, hour, key, delta)
             GROUP BY 1, 2, 3, 4
            HAVING sum(delta) <> 0
            ON CONFLICT (tenant_id, metric, day, key)
              DO UPDATE SET value = activity_daily.value + EXCLUDED.value;
            RETURN NULL;
          END $$`);
        await q.query(`
          CREATE TRIGGER ${table}_activity_${op} AFTER ${op.toUpperCase()} ON ${table}
            REFERENCING ${referencing}
            FOR EACH STATEMENT EXECUTE FUNCTION ${table}_activity_${op}()`);
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['tickets', 'bookings']) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER ${table}_activity_${op} ON ${table}`);
        await q.query(`DROP FUNCTION ${table}_activity_${op}()`);
      }
    }
    await q.query(`DROP TABLE activity_daily`);
    await q.query(`DROP TABLE activity_counters`);
  }
}
