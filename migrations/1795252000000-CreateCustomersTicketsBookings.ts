import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

export class CreateCustomersTicketsBookings1795252000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    // Lets one GIN index lead with tenant_id and then the trigram text.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    // Composite foreign keys (tenant_id, id) make cross-tenant references impossible in the
    // database itself, whatever the application checks.
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_tenant_id_id_key UNIQUE (tenant_id, id)`);

    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        first_name text CHECK (length(first_name) <= 100),
        last_name text CHECK (length(last_name) <= 100),
        email text CHECK (email = lower(email) AND length(email) <= 254),
        phone text NOT NULL CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        timezone text,
        tags text[] NOT NULL DEFAULT '{}',
        notes text,
        do_not_call boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (
          lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
                coalesce(email, '') || ' ' || phone || ' ' || substr(phone, 2))
        ) STORED,
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, phone)
      )`);
    await q.query(`CREATE INDEX customers_list_idx ON customers (tenant_id, id DESC)`);
    await q.query(
      `CREATE INDEX customers_search_idx ON customers USING gin (tenant_id, search_text gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX customers_tags_idx ON customers USING gin (tenant_id, tags)`);
    await enableTenantRls(q, 'customers');

    await q.query(`
      CREATE TABLE tenant_sequences (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        value bigint NOT NULL,
        PRIMARY KEY (tenant_id, name)
      )`);
    await enableTenantRls(q, 'tenant_sequences', ['SELECT', 'INSERT', 'UPDATE']);

    await q.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        number integer NOT NULL,
        customer_id uuid NOT NULL,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        description text,
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
        source text NOT NULL CHECK (source IN ('manual', 'voice', 'api')),
        assignee_id uuid,
        voice_session_id uuid,
        call_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        closed_at timestamptz,
        UNIQUE (tenant_id, number),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (assignee_id)
      )`);
    await q.query(`CREATE INDEX tickets_list_idx ON tickets (tenant_id, id DESC)`);
    await q.query(`CREATE INDEX tickets_status_idx ON tickets (tenant_id, status, id DESC)`);
    await q.query(`CREATE INDEX tickets_customer_idx ON tickets (tenant_id, customer_id, id DESC)`);
    await q.query(
      `CREATE INDEX tickets_assignee_idx ON tickets (tenant_id, assignee_id, id DESC) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tickets_subject_idx ON tickets USING gin (tenant_id, subject gin_trgm_ops)`,
    );
    // One ticket per voice session: retried or concurrent post-call processing cannot make two.
    await q.query(
      `CREATE UNIQUE INDEX tickets_voice_session_key ON tickets (tenant_id, voice_session_id) WHERE voice_session_id IS NOT NULL`,
    );
    await enableTenantRls(q, 'tickets');

    await q.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL,
        service text NOT NULL CHECK (length(service) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz CHECK (ends_at > starts_at),
        amount_cents bigint NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
        currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        notes text,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled', 'no_show')),
        voice_session_id uuid,
        call_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX bookings_list_idx ON bookings (tenant_id, starts_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX bookings_status_idx ON bookings (tenant_id, status, starts_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX bookings_customer_idx ON bookings (tenant_id, customer_id, starts_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX bookings_voice_session_key ON bookings (tenant_id, voice_session_id) WHERE voice_session_id IS NOT NULL`,
    );
    await enableTenantRls(q, 'bookings');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['bookings', 'tickets', 'tenant_sequences', 'customers'])
      await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_tenant_id_id_key`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gin`);
  }
}
