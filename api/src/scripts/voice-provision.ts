/**
 * `npm run voice:provision [-- [--tenant <id>] [--send-audio]]`
 *
 * Creates or updates every tenant's ElevenLabs agents (support and sales) with Navaia's prompts,
 * data-collection fields and post-call webhook, and stores the agent ids in the tenant's
 * settings. Safe to run again: existing agents are updated in place, the webhook is reused.
 */
import type { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import { Client } from 'pg';
import type { TenantVoiceSettings } from '@navaia/shared';
import { AppConfig, loadConfig, readEnvironment } from '../config/config';
import {
  ensurePostCallWebhook,
  provisionTenantAgents,
  ProvisionTenant,
} from '../modules/voice/providers/elevenlabs-agents';
import { elevenLabsClient } from '../modules/voice/providers/elevenlabs.provider';
import { ELEVENLABS_WEBHOOK_PATH } from '../modules/webhooks/webhook-routes';
import {
  auditAsSystem,
  connectAdminDatabase,
  consoleOutput,
  inTransaction,
  Output,
  reportStop,
  runAsMain,
  Stop,
} from './admin-database';

const USAGE = `Usage: npm run voice:provision [-- [--tenant <tenant id>] [--send-audio]]

Creates or updates each tenant's ElevenLabs support and sales agents and the workspace webhook
that sends their post-call events to \${PUBLIC_BASE_URL}${ELEVENLABS_WEBHOOK_PATH}.
  --tenant <id>   only this tenant (default: every tenant)
  --send-audio    also send each call's audio (post_call_audio) for recordings
`;

export interface ProvisionArgs {
  tenantId?: string;
  sendAudio: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ProvisionArgs {
  const args: ProvisionArgs = { sendAudio: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--send-audio') args.sendAudio = true;
    else if (arg === '--tenant' || arg.startsWith('--tenant=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || !/^[0-9a-f-]{36}$/i.test(value))
        throw new UsageError('--tenant needs a tenant id (a UUID)');
      args.tenantId = value.toLowerCase();
    } else throw new UsageError(`Unknown option ${arg}; see --help`);
  }
  return args;
}

/** Why ElevenLabs could not deliver to this URL, if it obviously cannot. */
export function unreachableReason(baseUrl: string): string | undefined {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const local =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^169\.254\./.test(host) ||
    /^f[cd][0-9a-f]{2}:/.test(host);
  return local ? `${host} is not reachable from the internet` : undefined;
}

interface TenantRow {
  id: string;
  name: string;
  voice: TenantVoiceSettings | null;
}

/**
 * This admin tool connects as the database owner (the DATABASE_URL that runs migrations), not
 * as the RLS-bound application role: it reads and writes every tenant's settings on purpose.
 */
export async function listTenants(db: Client, tenantId?: string): Promise<ProvisionTenant[]> {
  const { rows } = await db.query<TenantRow>(
    `SELECT id, name, voice FROM tenants ${tenantId ? 'WHERE id = $1' : ''} ORDER BY created_at, id`,
    tenantId ? [tenantId] : [],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, voice: r.voice ?? { agents: {} } }));
}

/**
 * Stores the agent ids, keeping the rest of the voice settings (phone number id) and any agent
 * id set in the meantime for a purpose not provisioned now, with an audit entry in the same
 * transaction, as a settings change through the API would have.
 */
export async function saveTenantAgents(
  db: Client,
  tenantId: string,
  agents: TenantVoiceSettings['agents'],
): Promise<void> {
  await inTransaction(db, async () => {
    const { rows } = await db.query<{ voice: TenantVoiceSettings | null }>(
      'SELECT voice FROM tenants WHERE id = $1 FOR UPDATE',
      [tenantId],
    );
    if (!rows.length) throw new Error(`tenant ${tenantId} no longer exists`);
    const before = rows[0].voice ?? { agents: {} };
    const after: TenantVoiceSettings = { ...before, agents: { ...before.agents, ...agents } };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await db.query('UPDATE tenants SET voice = $2, updated_at = now() WHERE id = $1', [
      tenantId,
      after,
    ]);
    await auditAsSystem(db, {
      tenantId,
      action: 'update',
      entityType: 'tenant',
      entityId: tenantId,
      before: { voice: before },
      after: { voice: after },
    });
  });
}

/**
 * The whole command. Takes the environment and an ElevenLabs client factory as arguments so a
 * test can run it against a test database and a fake ElevenLabs; returns the exit code.
 */
export async function runProvision(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: Output = consoleOutput,
  makeClient: (config: AppConfig) => ElevenLabsClient = elevenLabsClient,
): Promise<number> {
  let closeDatabase = async () => undefined;
  let db: Client;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const config = configFor(env);
    if (!config.elevenLabs.apiKey) {
      throw new Stop(
        'ELEVENLABS_API_KEY is not set: add your ElevenLabs API key to .env (or the environment) and run npm run voice:provision again.',
      );
    }
    const reason = unreachableReason(config.publicBaseUrl);
    if (reason) {
      throw new Stop(
        `PUBLIC_BASE_URL is ${config.publicBaseUrl}, but ElevenLabs must reach it to deliver post-call webhooks (${reason}); set it to Navaia's public https address (for development, a tunnel such as ngrok) and run this again.`,
      );
    }
    const webhookUrl = `${config.publicBaseUrl}${ELEVENLABS_WEBHOOK_PATH}`;
    if (!webhookUrl.startsWith('https://')) {
      io.err(`Warning: ${webhookUrl} is not https; ElevenLabs may refuse or not deliver to it.`);
    }

    const database = await connectAdminDatabase(config);
    db = database.db;
    closeDatabase = database.close;
    const tenants = await listTenants(db, args.tenantId).catch((error: { code?: string }) => {
      if (error.code === '42P01')
        throw new Stop('The database has no tenants table yet: start Navaia once (npm start).');
      throw error;
    });
    if (args.tenantId && !tenants.length) throw new Stop(`No tenant has the id ${args.tenantId}.`);
    if (!tenants.length) {
      io.out('No tenants yet: register an organization first, then run this again.');
      return 0;
    }

    const client = makeClient(config);
    const webhook = await ensurePostCallWebhook(client, webhookUrl).catch((error: Error) => {
      throw new Stop(error.message);
    });
    if (webhook.created) {
      io.out(`Created the ElevenLabs post-call webhook ${webhook.webhookId} → ${webhookUrl}`);
      if (webhook.secret) {
        io.out('');
        io.out(`  Its signing secret (ElevenLabs shows it only this once): ${webhook.secret}`);
        io.out(
          '  Add it to ELEVENLABS_WEBHOOK_SECRETS (comma-separated; keep any older secret until its webhook is gone) and restart Navaia.',
        );
        io.out('');
      }
    } else {
      io.out(
        `Using the ElevenLabs post-call webhook ${webhook.webhookId} → ${webhookUrl} (its secret was shown when it was created; lost it? delete the webhook in ElevenLabs and run this again)`,
      );
    }
    for (const warning of webhook.warnings) io.err(`Warning: ${warning}`);

    let failed = 0;
    for (const tenant of tenants) {
      const result = await provisionTenantAgents(client, tenant, {
        webhookId: webhook.webhookId,
        sendAudio: args.sendAudio,
      });
      const parts = result.outcomes.map((o) =>
        o.error ? `${o.purpose} FAILED: ${o.error}` : `${o.purpose} ${o.agentId} ${o.action}`,
      );
      let errors = result.outcomes.some((o) => o.error);
      try {
        await saveTenantAgents(db, tenant.id, result.agents);
      } catch (error) {
        // The agents exist in ElevenLabs now; say which, so they can be set by hand.
        errors = true;
        parts.push(
          `NOT SAVED (${(error as Error).message}): set voice.agents to ${JSON.stringify(result.agents)} in the tenant's settings`,
        );
      }
      if (errors) failed++;
      (errors ? io.err : io.out)(`${tenant.name} (${tenant.id}): ${parts.join('; ')}`);
    }
    const done = tenants.length - failed;
    io.out(
      `Provisioned ${done} of ${tenants.length} tenant${tenants.length === 1 ? '' : 's'}${failed ? `; ${failed} with errors (see above), run again once fixed` : ''}.`,
    );
    return failed ? 1 : 0;
  } catch (error) {
    return reportStop(error, io, UsageError);
  } finally {
    await closeDatabase();
  }
}

/**
 * The application's configuration. Production insists on ELEVENLABS_WEBHOOK_SECRETS, but this
 * command is what prints the first secret and never verifies a webhook, so a missing value
 * must not stop it.
 */
function configFor(env: NodeJS.ProcessEnv): AppConfig {
  return loadConfig({
    ...env,
    ELEVENLABS_WEBHOOK_SECRETS: env.ELEVENLABS_WEBHOOK_SECRETS || 'not-used-by-provisioning',
  });
}

if (require.main === module) {
  runAsMain('voice:provision', () => runProvision(process.argv.slice(2), readEnvironment()));
}
