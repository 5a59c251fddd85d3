import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

export class CreateVoiceSessionsAndWebhookInbox1795252400000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE voice_sessions (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('support', 'sales')),
        channel text NOT NULL CHECK (channel IN ('browser', 'phone')),
        provider text NOT NULL CHECK (provider IN ('elevenlabs', 'simulator')),
        status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'in_progress', 'ended', 'failed')),
        customer_id uuid,
        call_id uuid,
        conversation_id text,
        agent_id text,
        dynamic_variables jsonb NOT NULL DEFAULT '{}',
        started_at timestamptz,
        ended_at timestamptz,
        duration_sec integer CHECK (duration_sec >= 0),
        transcript jsonb NOT NULL DEFAULT '[]',
        summary text,
        analysis jsonb,
        outcome text CHECK (outcome IN ('ticket_created', 'booking_created', 'no_action', 'failed')),
        ticket_id uuid,
        booking_id uuid,
        failure_reason text,
        audio_path text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE SET NULL (customer_id)
      )`);
    // Provider conversation ids are global: one session per conversation across all tenants.
    await q.query(
      `CREATE UNIQUE INDEX voice_sessions_conversation_key ON voice_sessions (conversation_id) WHERE conversation_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX voice_sessions_list_idx ON voice_sessions (tenant_id, id DESC)`);
    await q.query(
      `CREATE INDEX voice_sessions_customer_idx ON voice_sessions (tenant_id, customer_id, id DESC)`,
    );
    await q.query(
      `CREATE INDEX voice_sessions_pending_idx ON voice_sessions (tenant_id, created_at) WHERE outcome IS NULL`,
    );
    await enableTenantRls(q, 'voice_sessions');

    await q.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        -- NULL until the event is matched to a tenant; such events belong to no tenant.
        tenant_id uuid REFERENCES tenants(id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (provider IN ('elevenlabs', 'twilio')),
        type text NOT NULL,
        external_id text NOT NULL,
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'unmatched', 'failed')),
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        voice_session_id uuid,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        UNIQUE (provider, type, external_id)
      )`);
    await q.query(`CREATE INDEX webhook_events_tenant_idx ON webhook_events (tenant_id, id DESC)`);
    await q.query(
      `CREATE INDEX webhook_events_unmatched_idx ON webhook_events (id DESC) WHERE tenant_id IS NULL`,
    );
    await enableTenantRls(q, 'webhook_events', ['SELECT', 'UPDATE']);

    // The webhook intake and the first step of processing happen before any tenant is
    // known. These functions are the only ways the app role touches events outside a
    // tenant, each doing one narrow thing.
    const definer = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp`;
    await q.query(`
      CREATE FUNCTION webhook_inbox_accept(p_provider text, p_type text, p_external_id text, p_payload jsonb)
      RETURNS TABLE (id uuid, created boolean) ${definer} AS $$
      BEGIN
        RETURN QUERY INSERT INTO webhook_events AS e (provider, type, external_id, payload)
          VALUES (p_provider, p_type, p_external_id, p_payload)
          ON CONFLICT (provider, type, external_id) DO NOTHING
          RETURNING e.id, true;
        IF NOT FOUND THEN
          RETURN QUERY SELECT e.id, false FROM webhook_events e
            WHERE e.provider = p_provider AND e.type = p_type AND e.external_id = p_external_id;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION webhook_inbox_get(p_id uuid) RETURNS SETOF webhook_events ${definer} AS $$
      BEGIN
        RETURN QUERY SELECT * FROM webhook_events WHERE id = p_id;
      END $$`);
    await q.query(`
      CREATE FUNCTION webhook_inbox_assign(p_id uuid, p_tenant uuid) RETURNS void ${definer} AS $$
      BEGIN
        UPDATE webhook_events SET tenant_id = p_tenant, status = 'received', error = NULL
         WHERE id = p_id AND (tenant_id IS NULL OR tenant_id = p_tenant);
      END $$`);
    await q.query(`
      CREATE FUNCTION webhook_inbox_unmatched(p_id uuid, p_reason text) RETURNS void ${definer} AS $$
      BEGIN
        UPDATE webhook_events SET status = 'unmatched', error = p_reason, attempts = attempts + 1
         WHERE id = p_id AND tenant_id IS NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION webhook_inbox_list_unmatched(p_before uuid, p_limit integer) RETURNS SETOF webhook_events ${definer} AS $$
      BEGIN
        RETURN QUERY SELECT * FROM webhook_events
          WHERE tenant_id IS NULL AND (p_before IS NULL OR id < p_before)
          ORDER BY id DESC LIMIT p_limit;
      END $$`);
    // Tenant resolution for an event, in the order the processor tries them.
    await q.query(`
      CREATE FUNCTION voice_session_tenant(p_session uuid) RETURNS uuid ${definer} AS $$
      BEGIN
        RETURN (SELECT tenant_id FROM voice_sessions WHERE id = p_session);
      END $$`);
    await q.query(`
      CREATE FUNCTION conversation_tenant(p_conversation text) RETURNS uuid ${definer} AS $$
      BEGIN
        RETURN (SELECT tenant_id FROM voice_sessions WHERE conversation_id = p_conversation);
      END $$`);
    await q.query(`
      CREATE FUNCTION agent_tenant(p_agent text) RETURNS uuid ${definer} AS $$
      BEGIN
        -- An agent id configured by exactly one tenant; ambiguity resolves to none.
        RETURN (SELECT CASE WHEN count(*) = 1 THEN min(id::text)::uuid END FROM tenants
                 WHERE voice->'agents'->>'support' = p_agent OR voice->'agents'->>'sales' = p_agent);
      END $$`);
    for (const fn of [
      'webhook_inbox_accept(text, text, text, jsonb)',
      'webhook_inbox_get(uuid)',
      'webhook_inbox_assign(uuid, uuid)',
      'webhook_inbox_unmatched(uuid, text)',
      'webhook_inbox_list_unmatched(uuid, integer)',
      'voice_session_tenant(uuid)',
      'conversation_tenant(text)',
      'agent_tenant(text)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO navaia_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const fn of [
      'agent_tenant(text)',
      'conversation_tenant(text)',
      'voice_session_tenant(uuid)',
      'webhook_inbox_list_unmatched(uuid, integer)',
      'webhook_inbox_unmatched(uuid, text)',
      'webhook_inbox_assign(uuid, uuid)',
      'webhook_inbox_get(uuid)',
      'webhook_inbox_accept(text, text, text, jsonb)',
    ]) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query(`DROP TABLE webhook_events`);
    await q.query(`DROP TABLE voice_sessions`);
  }
}
