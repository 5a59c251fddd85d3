import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

/** Each provider identifier a tenant's settings name, with the settings field it comes from. */
const CLAIMS = `
  SELECT DISTINCT ON (kind, value) t.id AS tenant_id, kind, value, field
    FROM tenants t, LATERAL (VALUES
      ('agent', t.voice->'agents'->>'support', 'voice.agents.support'),
      ('agent', t.voice->'agents'->>'sales', 'voice.agents.sales'),
      ('phone_number_id', t.voice->>'phoneNumberId', 'voice.phoneNumberId'),
      ('from_number', t.telephony->>'fromNumber', 'telephony.fromNumber')
    ) c(kind, value, field)
   WHERE value IS NOT NULL AND value <> ''`;

/**
 * Provider identifiers (ElevenLabs agent and phone-number ids, the Twilio caller id) belong to
 * one tenant: inbound events are matched to a tenant by them, and a tenant calling out with
 * another's number would speak as that tenant. A tenant's settings are JSON, and one agent id
 * may serve as either agent, so the claims are rows with a unique key, kept by a trigger on
 * the settings. A unique key holds whatever row-level security hides; a violation names the
 * settings field (COLUMN) for the 409.
 *
 * Tenants that already share an identifier stop the migration with a list of them: which
 * tenant owns it is for an operator to decide, not to be guessed here.
 */
export class CreateTenantProviderIds1796600282340 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    const shared: { kind: string; value: string; tenants: string }[] = await q.query(`
      SELECT kind, value, string_agg(DISTINCT tenant_id::text, ', ') AS tenants
        FROM (${CLAIMS.replace('DISTINCT ON (kind, value) ', '')}) claims
       GROUP BY kind, value HAVING count(DISTINCT tenant_id) > 1`);
    if (shared.length) {
      const list = shared.map((s) => `${s.kind} ${s.value} (tenants ${s.tenants})`).join('; ');
      throw new Error(
        `Provider identifiers shared by several tenants; clear them from all but one first: ${list}`,
      );
    }
    await q.query(`
      CREATE TABLE tenant_provider_ids (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('agent', 'phone_number_id', 'from_number')),
        value text NOT NULL,
        CONSTRAINT tenant_provider_ids_unique PRIMARY KEY (kind, value)
      )`);
    await q.query(`CREATE INDEX tenant_provider_ids_tenant ON tenant_provider_ids (tenant_id)`);
    await enableTenantRls(q, 'tenant_provider_ids', ['SELECT', 'INSERT', 'DELETE']);
    await q.query(
      `INSERT INTO tenant_provider_ids (tenant_id, kind, value) SELECT tenant_id, kind, value FROM (${CLAIMS}) claims`,
    );
    await q.query(`
      CREATE FUNCTION tenant_provider_ids_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        claim record;
      BEGIN
        DELETE FROM tenant_provider_ids WHERE tenant_id = NEW.id;
        FOR claim IN ${CLAIMS.replace('FROM tenants t,', 'FROM (SELECT NEW.*) t,')} LOOP
          BEGIN
            INSERT INTO tenant_provider_ids (tenant_id, kind, value)
              VALUES (NEW.id, claim.kind, claim.value);
          EXCEPTION WHEN unique_violation THEN
            RAISE EXCEPTION '% is already used by another tenant', claim.field
              USING ERRCODE = 'unique_violation', CONSTRAINT = 'tenant_provider_ids_unique',
                    COLUMN = claim.field;
          END;
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tenant_provider_ids_sync AFTER INSERT OR UPDATE OF voice, telephony ON tenants
        FOR EACH ROW EXECUTE FUNCTION tenant_provider_ids_sync()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tenant_provider_ids_sync ON tenants`);
    await q.query(`DROP FUNCTION tenant_provider_ids_sync()`);
    await q.query(`DROP TABLE tenant_provider_ids`);
  }
}
