import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

const RECIPIENT_STATUSES = `'pending', 'queued', 'calling', 'completed', 'no_answer', 'busy', 'failed', 'skipped', 'canceled'`;

/**
 * Campaigns and their recipients (the customer ↔ campaign relationship). A recipient's row
 * is its whole dialing state: status, attempts and when it is next due; the dialer takes due
 * rows with SKIP LOCKED, so any number of workers feed calls without calling anyone twice.
 */
export class CreateCampaigns1795264000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text,
        purpose text NOT NULL CHECK (purpose IN ('support', 'sales')),
        first_message text,
        scheduled_at timestamptz,
        calling_window jsonb,
        max_concurrent_calls integer NOT NULL DEFAULT 5 CHECK (max_concurrent_calls BETWEEN 1 AND 100),
        max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 10),
        retry_delay_minutes integer NOT NULL DEFAULT 60 CHECK (retry_delay_minutes >= 1),
        variables jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled')),
        paused_reason text,
        started_at timestamptz,
        completed_at timestamptz,
        created_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX campaigns_list_idx ON campaigns (tenant_id, id DESC)`);
    await enableTenantRls(q, 'campaigns');

    await q.query(`
      CREATE TABLE campaign_recipients (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN (${RECIPIENT_STATUSES})),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_call_id uuid,
        last_outcome text,
        timezone text NOT NULL,
        variables jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (campaign_id, customer_id),
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
      )`);
    // The dialer's question: which pending recipients of this campaign are due?
    await q.query(
      `CREATE INDEX campaign_recipients_due_idx ON campaign_recipients (campaign_id, next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX campaign_recipients_list_idx ON campaign_recipients (tenant_id, campaign_id, id)`,
    );
    await q.query(
      `CREATE INDEX campaign_recipients_customer_idx ON campaign_recipients (tenant_id, customer_id)`,
    );
    await enableTenantRls(q, 'campaign_recipients');

    await q.query(`
      ALTER TABLE calls ADD CONSTRAINT calls_campaign_fkey
        FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE SET NULL (campaign_id)`);

    // The dialer's tick runs before any tenant is known: this is the one cross-tenant read.
    await q.query(`
      CREATE FUNCTION campaigns_to_dial() RETURNS TABLE (id uuid, tenant_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN QUERY SELECT c.id, c.tenant_id FROM campaigns c
          WHERE c.status = 'running' OR (c.status = 'scheduled' AND c.scheduled_at <= now())
          ORDER BY c.updated_at;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION campaigns_to_dial() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION campaigns_to_dial() TO navaia_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION campaigns_to_dial()`);
    await q.query(`ALTER TABLE calls DROP CONSTRAINT calls_campaign_fkey`);
    await q.query(`DROP TABLE campaign_recipients`);
    await q.query(`DROP TABLE campaigns`);
  }
}
