import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { VoicePurpose } from '@navaia/shared';
import { AppException } from '../src/common/errors/app.exception';
import { AppRole, loadConfig, VoiceProviderName } from '../src/config/config';
import {
  AGENT_PURPOSES,
  agentScript,
  DATA_COLLECTION,
  ensurePostCallWebhook,
  NAVAIA_DYNAMIC_VARIABLES,
  provisionTenantAgents,
} from '../src/modules/voice/providers/elevenlabs-agents';
import { ElevenLabsRequestError } from '../src/modules/voice/providers/elevenlabs-errors';
import {
  elevenLabsClient,
  ElevenLabsVoiceProvider,
} from '../src/modules/voice/providers/elevenlabs.provider';
import { ELEVENLABS_WEBHOOK_PATH } from '../src/modules/webhooks/webhook-routes';
import { runProvision } from '../src/scripts/voice-provision';
import { createTestApp, registerTenant } from './support/app';
import { DATABASE_URL_VAR } from './support/env';
import { failSoon, FakeElevenLabs } from './support/fake-elevenlabs';

const API_KEY = 'xi_test_key_0123456789';
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const WEBHOOK_URL = `https://navaia.example.com${ELEVENLABS_WEBHOOK_PATH}`;

const SIGNED_URL_PATH = '/v1/convai/conversation/get-signed-url';
const SIGNED_URL =
  'wss://api.elevenlabs.io/v1/convai/conversation?agent_id=agent_support&conversation_signature=sig_1';

let fake: FakeElevenLabs;

/** The application's configuration, with the official SDK pointed at the fake. */
const config = () =>
  loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET,
    ELEVENLABS_API_KEY: API_KEY,
    ELEVENLABS_BASE_URL: fake.url,
    ELEVENLABS_WEBHOOK_SECRETS: 'wsec_test',
  });

const provider = () => new ElevenLabsVoiceProvider(config());
const client = () => elevenLabsClient(config());

const startSession = (agentId = 'agent_support') =>
  provider().startBrowserSession({
    sessionId: '01900000-0000-7000-8000-000000000001',
    purpose: VoicePurpose.Support,
    agentId,
    dynamicVariables: { voice_session_id: '01900000-0000-7000-8000-000000000001' },
  });

/** A GET conversation answer in ElevenLabs' wire format, as its post-call webhook's `data`. */
function wireConversation(status = 'done') {
  return {
    agent_id: 'agent_support',
    agent_name: 'Acme — Support (Navaia)',
    conversation_id: 'conv_01',
    status,
    user_id: null,
    transcript: [
      {
        role: 'agent',
        message: 'Hi Ada, thanks for contacting Acme support.',
        time_in_call_secs: 0,
      },
      { role: 'user', message: 'My boiler is leaking.', time_in_call_secs: 3 },
      { role: 'agent', message: null, time_in_call_secs: 6, tool_calls: [] },
    ],
    metadata: {
      start_time_unix_secs: 1739537297,
      call_duration_secs: 42,
      cost: 120,
      phone_call: {
        type: 'twilio',
        direction: 'inbound',
        phone_number_id: 'phnum_1',
        agent_number: '+14155550100',
        external_number: '+14155550123',
        stream_sid: 'MZ1',
        call_sid: 'CA1',
      },
    },
    analysis: {
      call_successful: 'success',
      transcript_summary: 'The caller reported a leaking boiler.',
      data_collection_results: {
        intent: { data_collection_id: 'intent', value: 'support', rationale: 'Leak reported.' },
        issue_priority: { data_collection_id: 'issue_priority', value: 'high', rationale: 'r' },
        opt_out: { data_collection_id: 'opt_out', value: false, rationale: 'r' },
        // Map keys and free-form values must come through exactly as sent.
        customLeadScore: {
          data_collection_id: 'customLeadScore',
          value: { Score: 7 },
          rationale: 'r',
        },
      },
      evaluation_criteria_results: {
        Resolved_Politely: { criteria_id: 'Resolved_Politely', result: 'success', rationale: 'r' },
      },
    },
    conversation_initiation_client_data: {
      dynamic_variables: {
        voice_session_id: '01900000-0000-7000-8000-000000000001',
        tenant_name: 'Acme',
        customer_name: 'Ada Lovelace',
        system__call_sid: 'CA1',
      },
    },
    has_audio: true,
    has_user_audio: true,
    has_response_audio: true,
    has_auxiliary_audio: false,
    // A field newer than the SDK: kept, not dropped.
    visited_agents_v2: [{ agentId: 'kept as is' }],
  };
}

/** A GET/PATCH agent answer with the fields the SDK requires. */
const agentAnswer = (agentId: string) => ({
  body: {
    agent_id: agentId,
    name: 'Acme — Support (Navaia)',
    conversation_config: {},
    metadata: { created_at_unix_secs: 1739537297, updated_at_unix_secs: 1739537297 },
  },
});

const webhookAnswer = (id: string, url: string, extra: object = {}) => ({
  webhook_id: id,
  name: 'Navaia post-call',
  webhook_url: url,
  is_disabled: false,
  is_auto_disabled: false,
  created_at_unix: 1739537297,
  auth_type: 'hmac',
  ...extra,
});

/** Every object key in a JSON value, at any depth. */
function keysOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      `${path}.${k}`,
      ...keysOf(v, `${path}.${k}`),
    ]);
  }
  return [];
}

beforeAll(async () => {
  fake = await FakeElevenLabs.start();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('ElevenLabs provider: the requests it sends and how it reads the answers', () => {
  it('asks for a signed URL for the tenant’s agent, with the API key, and hands it to the browser', async () => {
    fake.on('GET', SIGNED_URL_PATH, { body: { signed_url: SIGNED_URL } });

    await expect(startSession()).resolves.toEqual({
      provider: 'elevenlabs',
      signedUrl: SIGNED_URL,
      agentId: 'agent_support',
    });

    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent).toMatchObject({
      method: 'GET',
      path: SIGNED_URL_PATH,
      query: { agent_id: 'agent_support' },
    });
    expect(sent.query).toEqual({ agent_id: 'agent_support' });
    expect(sent.headers['xi-api-key']).toBe(API_KEY);
  });

  it('returns a finished conversation exactly as ElevenLabs sent it: the webhook’s data, map keys and unknown fields included', async () => {
    const wire = wireConversation();
    fake.on('GET', '/v1/convai/conversations/conv_01', { body: wire });

    const data = await provider().fetchConversation('conv_01');

    expect(data).toStrictEqual(wire);
    expect(fake.calls()).toEqual(['GET /v1/convai/conversations/conv_01']);
    expect(fake.requests[0].headers['xi-api-key']).toBe(API_KEY);
  });

  it('returns null for a conversation that is still being processed, and for one ElevenLabs does not know (404, asked once)', async () => {
    fake
      .on('GET', '/v1/convai/conversations/conv_busy', { body: wireConversation('processing') })
      .on('GET', '/v1/convai/conversations/conv_unknown', {
        status: 404,
        body: { detail: { status: 'conversation_not_found', message: 'Conversation not found' } },
      });

    await expect(provider().fetchConversation('conv_busy')).resolves.toBeNull();
    await expect(provider().fetchConversation('conv_unknown')).resolves.toBeNull();
    expect(fake.calls()).toEqual([
      'GET /v1/convai/conversations/conv_busy',
      'GET /v1/convai/conversations/conv_unknown',
    ]);
  });

  it('retries a 429 after the Retry-After ElevenLabs sends, then succeeds', async () => {
    fake.on('GET', SIGNED_URL_PATH, failSoon(429), { body: { signed_url: SIGNED_URL } });

    await expect(startSession()).resolves.toMatchObject({ signedUrl: SIGNED_URL });
    expect(fake.requestsTo('GET', SIGNED_URL_PATH)).toHaveLength(2);
  });

  it('retries 5xx answers up to three times (four attempts) and takes the answer that succeeds', async () => {
    fake.on('GET', SIGNED_URL_PATH, failSoon(500), failSoon(502), failSoon(503), {
      body: { signed_url: SIGNED_URL },
    });

    await expect(startSession()).resolves.toMatchObject({ signedUrl: SIGNED_URL });
    expect(fake.requestsTo('GET', SIGNED_URL_PATH)).toHaveLength(4);
  });

  it('retries a 5xx without Retry-After after the SDK’s own backoff, also when fetching a conversation', async () => {
    fake.on(
      'GET',
      '/v1/convai/conversations/conv_01',
      { status: 503, body: { detail: 'Service Unavailable' } },
      { body: wireConversation() },
    );

    await expect(provider().fetchConversation('conv_01')).resolves.toMatchObject({
      conversation_id: 'conv_01',
    });
    expect(fake.requestsTo('GET', '/v1/convai/conversations/conv_01')).toHaveLength(2);
  });

  it('gives up after the retries and reports ElevenLabs as unavailable (503) with the status it answered', async () => {
    fake.on('GET', SIGNED_URL_PATH, failSoon(503));

    const error = await startSession().catch((e: unknown) => e);

    expect(fake.requestsTo('GET', SIGNED_URL_PATH)).toHaveLength(4);
    expect(error).toBeInstanceOf(ElevenLabsRequestError);
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'dependency_unavailable',
      upstreamStatus: 503,
      message:
        'ElevenLabs refused to start a conversation with agent agent_support: HTTP 503 (Temporary failure 503)',
    });
  });

  it('does not retry a 422 and surfaces it as one clear error naming the status and ElevenLabs’ reason', async () => {
    fake.on('GET', SIGNED_URL_PATH, {
      status: 422,
      body: {
        detail: [
          {
            loc: ['query', 'agent_id'],
            msg: 'Agent agent_gone does not exist',
            type: 'value_error',
          },
        ],
      },
    });

    const error = await startSession('agent_gone').catch((e: unknown) => e);

    expect(fake.requestsTo('GET', SIGNED_URL_PATH)).toHaveLength(1);
    expect(error).toBeInstanceOf(AppException);
    expect(error).toMatchObject({
      statusCode: 502,
      code: 'voice_provider_rejected',
      upstreamStatus: 422,
      message:
        'ElevenLabs refused to start a conversation with agent agent_gone: HTTP 422 (agent_id: Agent agent_gone does not exist)',
    });
  });

  it('does not retry a rejected API key when fetching a conversation and says which setting to check', async () => {
    fake.on('GET', '/v1/convai/conversations/conv_01', {
      status: 401,
      body: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } },
    });

    await expect(provider().fetchConversation('conv_01')).rejects.toMatchObject({
      upstreamStatus: 401,
      message:
        'ElevenLabs refused to fetch conversation conv_01: HTTP 401 (Invalid API key); check ELEVENLABS_API_KEY',
    });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('voice:provision: the agents and webhook it configures in ElevenLabs', () => {
  const tenant = (agents: { support?: string; sales?: string } = {}) => ({
    id: '01900000-0000-7000-8000-0000000000aa',
    name: 'Acme Plumbing',
    voice: { agents },
  });

  it('creates both agents with Navaia’s prompt, greeting, data-collection fields and post-call webhook, in snake_case on the wire', async () => {
    fake.on(
      'POST',
      '/v1/convai/agents/create',
      { body: { agent_id: 'agent_new_support' } },
      { body: { agent_id: 'agent_new_sales' } },
    );

    const result = await provisionTenantAgents(client(), tenant(), { webhookId: 'wh_1' });

    expect(result.agents).toEqual({ support: 'agent_new_support', sales: 'agent_new_sales' });
    expect(result.outcomes).toEqual([
      { purpose: 'support', agentId: 'agent_new_support', action: 'created' },
      { purpose: 'sales', agentId: 'agent_new_sales', action: 'created' },
    ]);
    expect(fake.calls()).toEqual([
      'POST /v1/convai/agents/create',
      'POST /v1/convai/agents/create',
    ]);
    for (const [i, purpose] of AGENT_PURPOSES.entries()) {
      const sent = fake.requests[i];
      expect(sent.headers['xi-api-key']).toBe(API_KEY);
      expect(sent.body).toMatchObject({
        name: `Acme Plumbing — ${purpose === 'support' ? 'Support' : 'Sales'} (Navaia)`,
        conversation_config: {
          agent: {
            first_message: agentScript(purpose).firstMessage,
            language: 'en',
            prompt: { prompt: agentScript(purpose).prompt },
          },
        },
        platform_settings: {
          auth: { enable_auth: true },
          workspace_overrides: {
            webhooks: {
              post_call_webhook_id: 'wh_1',
              events: ['transcript', 'call_initiation_failure'],
            },
          },
        },
      });
      const collection = (sent.body as { platform_settings: { data_collection: object } })
        .platform_settings.data_collection;
      expect(Object.keys(collection).sort()).toEqual(
        [
          'intent',
          'customer_name',
          'issue_summary',
          'issue_priority',
          'booking_service',
          'booking_datetime',
          'booking_duration_minutes',
          'booking_notes',
          'opt_out',
        ].sort(),
      );
      expect(collection).toMatchObject({
        intent: { type: 'string', enum: ['booking', 'support', 'other'] },
        customer_name: { type: 'string' },
        issue_summary: { type: 'string' },
        issue_priority: { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] },
        booking_service: { type: 'string' },
        booking_datetime: { type: 'string', description: expect.stringContaining('ISO-8601') },
        booking_duration_minutes: { type: 'integer' },
        booking_notes: { type: 'string' },
        opt_out: { type: 'boolean' },
      });
      for (const field of Object.values(collection) as { description: string }[]) {
        expect(field.description.length).toBeGreaterThan(30);
      }
      // The SDK maps every camelCase name to ElevenLabs' snake_case; none may slip through.
      expect(keysOf(sent.body).filter((k) => /[A-Z]/.test(k.split('.').pop()!))).toEqual([]);
    }
  });

  it('updates the agents a tenant already has, in place, instead of creating others', async () => {
    fake
      .on('GET', '/v1/convai/agents/agent_s', agentAnswer('agent_s'))
      .on('PATCH', '/v1/convai/agents/agent_s', agentAnswer('agent_s'))
      .on('GET', '/v1/convai/agents/agent_b', agentAnswer('agent_b'))
      .on('PATCH', '/v1/convai/agents/agent_b', agentAnswer('agent_b'));

    const result = await provisionTenantAgents(
      client(),
      tenant({ support: 'agent_s', sales: 'agent_b' }),
      { webhookId: 'wh_1' },
    );

    expect(fake.calls()).toEqual([
      'GET /v1/convai/agents/agent_s',
      'PATCH /v1/convai/agents/agent_s',
      'GET /v1/convai/agents/agent_b',
      'PATCH /v1/convai/agents/agent_b',
    ]);
    expect(result.agents).toEqual({ support: 'agent_s', sales: 'agent_b' });
    expect(result.outcomes.map((o) => o.action)).toEqual(['updated', 'updated']);
    const patch = fake.requestsTo('PATCH', '/v1/convai/agents/agent_s')[0].body;
    expect(patch).toMatchObject({
      conversation_config: { agent: { first_message: agentScript('support').firstMessage } },
      platform_settings: {
        data_collection: { intent: { type: 'string' } },
        workspace_overrides: { webhooks: { post_call_webhook_id: 'wh_1' } },
      },
    });
  });

  it('replaces an agent id ElevenLabs no longer knows (404) with a new agent', async () => {
    fake
      .on('GET', '/v1/convai/agents/agent_deleted', {
        status: 404,
        body: { detail: { status: 'agent_not_found', message: 'Agent not found' } },
      })
      .on(
        'POST',
        '/v1/convai/agents/create',
        { body: { agent_id: 'agent_new_support' } },
        { body: { agent_id: 'agent_new_sales' } },
      );

    const result = await provisionTenantAgents(client(), tenant({ support: 'agent_deleted' }), {
      webhookId: 'wh_1',
    });

    expect(fake.calls()).toEqual([
      'GET /v1/convai/agents/agent_deleted',
      'POST /v1/convai/agents/create',
      'POST /v1/convai/agents/create',
    ]);
    expect(result.outcomes).toEqual([
      { purpose: 'support', agentId: 'agent_new_support', action: 'replaced' },
      { purpose: 'sales', agentId: 'agent_new_sales', action: 'created' },
    ]);
  });

  it('reports a refused agent (422) once with ElevenLabs’ reason and still provisions the other purpose', async () => {
    fake.on(
      'POST',
      '/v1/convai/agents/create',
      { body: { agent_id: 'agent_new_support' } },
      {
        status: 422,
        body: {
          detail: [
            {
              loc: ['body', 'conversation_config', 'agent', 'language'],
              msg: 'unsupported language',
              type: 'value_error',
            },
          ],
        },
      },
    );

    const result = await provisionTenantAgents(client(), tenant(), { webhookId: 'wh_1' });

    expect(fake.requestsTo('POST', '/v1/convai/agents/create')).toHaveLength(2);
    expect(result.agents).toEqual({ support: 'agent_new_support' });
    expect(result.outcomes[1]).toEqual({
      purpose: 'sales',
      agentId: undefined,
      error:
        'ElevenLabs refused to create the sales agent: HTTP 422 (conversation_config.agent.language: unsupported language)',
    });
  });

  it('subscribes the agents to the call audio only when asked to send audio', async () => {
    fake.on('POST', '/v1/convai/agents/create', { body: { agent_id: 'agent_x' } });

    await provisionTenantAgents(client(), tenant(), { webhookId: 'wh_1', sendAudio: true });

    for (const sent of fake.requests) {
      expect(sent.body).toMatchObject({
        platform_settings: {
          workspace_overrides: {
            webhooks: { events: ['transcript', 'call_initiation_failure', 'audio'] },
          },
        },
      });
    }
  });

  it('greets with the customer’s and tenant’s names and uses no dynamic variable Navaia does not pass', () => {
    for (const purpose of AGENT_PURPOSES) {
      const { prompt, firstMessage } = agentScript(purpose);
      expect(firstMessage).toContain('{{customer_name}}');
      expect(firstMessage).toContain('{{tenant_name}}');
      const used = [...`${prompt}\n${firstMessage}`.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map(
        (m) => m[1],
      );
      expect(
        used.filter((v) => !(NAVAIA_DYNAMIC_VARIABLES as readonly string[]).includes(v)),
      ).toEqual([]);
    }
    expect(Object.keys(DATA_COLLECTION)).toHaveLength(9);
  });

  it('creates the workspace HMAC webhook for Navaia’s URL when none points there, returns its secret, and turns retries on', async () => {
    fake
      .on('GET', '/v1/workspace/webhooks', {
        body: { webhooks: [webhookAnswer('wh_other', 'https://elsewhere.example.com/hook')] },
      })
      .on('POST', '/v1/workspace/webhooks', {
        body: { webhook_id: 'wh_new', webhook_secret: 'wsec_shown_once' },
      })
      .on('PATCH', '/v1/workspace/webhooks/wh_new', { body: { status: 'ok' } });

    const webhook = await ensurePostCallWebhook(client(), WEBHOOK_URL);

    expect(webhook).toEqual({
      webhookId: 'wh_new',
      created: true,
      secret: 'wsec_shown_once',
      warnings: [],
    });
    expect(fake.calls()).toEqual([
      'GET /v1/workspace/webhooks',
      'POST /v1/workspace/webhooks',
      'PATCH /v1/workspace/webhooks/wh_new',
    ]);
    expect(fake.requests[1].body).toEqual({
      settings: { auth_type: 'hmac', name: 'Navaia post-call', webhook_url: WEBHOOK_URL },
    });
    expect(fake.requests[2].body).toEqual({
      is_disabled: false,
      name: 'Navaia post-call',
      retry_enabled: true,
    });
  });

  it('reuses the webhook already pointing at Navaia, re-enables it and warns that ElevenLabs had switched it off; no secret to show', async () => {
    fake
      .on('GET', '/v1/workspace/webhooks', {
        body: {
          webhooks: [
            webhookAnswer('wh_existing', `${WEBHOOK_URL}/`, {
              name: 'Our webhook',
              is_auto_disabled: true,
            }),
          ],
        },
      })
      .on('PATCH', '/v1/workspace/webhooks/wh_existing', { body: { status: 'ok' } });

    const webhook = await ensurePostCallWebhook(client(), WEBHOOK_URL);

    expect(webhook).toEqual({
      webhookId: 'wh_existing',
      created: false,
      warnings: [expect.stringContaining('switched the webhook wh_existing off')],
    });
    expect(fake.calls()).toEqual([
      'GET /v1/workspace/webhooks',
      'PATCH /v1/workspace/webhooks/wh_existing',
    ]);
    expect(fake.requests[1].body).toEqual({
      is_disabled: false,
      name: 'Our webhook',
      retry_enabled: true,
    });
  });

  it('keeps a just-created webhook’s secret when turning retries on fails', async () => {
    fake
      .on('GET', '/v1/workspace/webhooks', { body: { webhooks: [] } })
      .on('POST', '/v1/workspace/webhooks', {
        body: { webhook_id: 'wh_new', webhook_secret: 'wsec_shown_once' },
      })
      .on('PATCH', '/v1/workspace/webhooks/wh_new', {
        status: 422,
        body: { detail: 'retry_enabled is not supported' },
      });

    const webhook = await ensurePostCallWebhook(client(), WEBHOOK_URL);

    expect(webhook).toMatchObject({ webhookId: 'wh_new', secret: 'wsec_shown_once' });
    expect(webhook.warnings).toEqual([
      'ElevenLabs refused to enable retries on the post-call webhook: HTTP 422 (retry_enabled is not supported)',
    ]);
  });
});

describe('npm run voice:provision', () => {
  const lines = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };

  it('stops with one line naming ELEVENLABS_API_KEY when it is missing', async () => {
    const { out, err, io } = lines();

    const code = await runProvision([], { NODE_ENV: 'test', JWT_SECRET }, io);

    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^ELEVENLABS_API_KEY is not set/);
    expect(fake.requests).toEqual([]);
  });

  it('stops with one line when PUBLIC_BASE_URL is an address ElevenLabs cannot reach', async () => {
    const { err, io } = lines();

    const code = await runProvision(
      [],
      {
        NODE_ENV: 'test',
        JWT_SECRET,
        ELEVENLABS_API_KEY: API_KEY,
        PUBLIC_BASE_URL: 'http://localhost:3000',
      },
      io,
    );

    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^PUBLIC_BASE_URL is http:\/\/localhost:3000, but ElevenLabs must reach it/,
    );
    expect(fake.requests).toEqual([]);
  });

  it('provisions a tenant end to end — webhook, agents, ids saved beside its phone number id, audited — and a second run updates in place', async () => {
    const databaseUrl = process.env[DATABASE_URL_VAR]!;
    const owner = new Client({ connectionString: databaseUrl });
    await owner.connect();
    try {
      const {
        rows: [{ id: tenantId }],
      } = await owner.query<{ id: string }>(
        `INSERT INTO tenants (name, calling_window, limits, voice)
         VALUES ('Provisioned Plumbing', '{}', '{}', '{"agents": {}, "phoneNumberId": "phnum_1"}')
         RETURNING id`,
      );
      const env = {
        NODE_ENV: 'test',
        JWT_SECRET,
        DATABASE_URL: databaseUrl,
        ELEVENLABS_API_KEY: API_KEY,
        ELEVENLABS_BASE_URL: fake.url,
        PUBLIC_BASE_URL: 'https://navaia.example.com',
      };

      // First run: nothing exists in ElevenLabs yet.
      fake
        .on('GET', '/v1/workspace/webhooks', { body: { webhooks: [] } })
        .on('POST', '/v1/workspace/webhooks', {
          body: { webhook_id: 'wh_new', webhook_secret: 'wsec_shown_once' },
        })
        .on('PATCH', '/v1/workspace/webhooks/wh_new', { body: { status: 'ok' } })
        .on(
          'POST',
          '/v1/convai/agents/create',
          { body: { agent_id: 'agent_p_support' } },
          { body: { agent_id: 'agent_p_sales' } },
        );
      const first = lines();
      await expect(runProvision(['--tenant', tenantId], env, first.io)).resolves.toBe(0);

      expect(first.err).toEqual([]);
      expect(fake.requests[1].body).toMatchObject({ settings: { webhook_url: WEBHOOK_URL } });
      expect(first.out.join('\n')).toContain('wsec_shown_once');
      expect(first.out.join('\n')).toContain('ELEVENLABS_WEBHOOK_SECRETS');
      expect(first.out).toContain(
        `Provisioned Plumbing (${tenantId}): support agent_p_support created; sales agent_p_sales created`,
      );
      const stored = async () =>
        (await owner.query('SELECT voice FROM tenants WHERE id = $1', [tenantId])).rows[0].voice;
      expect(await stored()).toEqual({
        agents: { support: 'agent_p_support', sales: 'agent_p_sales' },
        phoneNumberId: 'phnum_1',
      });
      const audit = async () =>
        (
          await owner.query(
            `SELECT actor_type, action, entity_type, after FROM audit_log WHERE tenant_id = $1`,
            [tenantId],
          )
        ).rows;
      expect(await audit()).toEqual([
        {
          actor_type: 'system',
          action: 'update',
          entity_type: 'tenant',
          after: {
            voice: {
              agents: { support: 'agent_p_support', sales: 'agent_p_sales' },
              phoneNumberId: 'phnum_1',
            },
          },
        },
      ]);

      // Second run: the webhook and both agents exist, so they are updated, not duplicated.
      fake.reset();
      fake
        .on('GET', '/v1/workspace/webhooks', {
          body: { webhooks: [webhookAnswer('wh_new', WEBHOOK_URL)] },
        })
        .on('PATCH', '/v1/workspace/webhooks/wh_new', { body: { status: 'ok' } })
        .on('GET', '/v1/convai/agents/agent_p_support', agentAnswer('agent_p_support'))
        .on('PATCH', '/v1/convai/agents/agent_p_support', agentAnswer('agent_p_support'))
        .on('GET', '/v1/convai/agents/agent_p_sales', agentAnswer('agent_p_sales'))
        .on('PATCH', '/v1/convai/agents/agent_p_sales', agentAnswer('agent_p_sales'));
      const second = lines();
      await expect(runProvision([`--tenant=${tenantId}`], env, second.io)).resolves.toBe(0);

      expect(fake.requestsTo('POST', '/v1/workspace/webhooks')).toEqual([]);
      expect(fake.requestsTo('POST', '/v1/convai/agents/create')).toEqual([]);
      expect(second.out.join('\n')).not.toContain('wsec_');
      expect(second.out).toContain(
        `Provisioned Plumbing (${tenantId}): support agent_p_support updated; sales agent_p_sales updated`,
      );
      expect(await audit()).toHaveLength(1);
    } finally {
      await owner.end();
    }
  });
});

describe('the provisioned agents and a running Navaia', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({
      role: AppRole.Http,
      voiceProvider: VoiceProviderName.ElevenLabs,
      elevenLabs: { apiKey: API_KEY, baseUrl: fake.url, webhookSecrets: ['wsec_test'] },
    });
  });
  afterAll(() => app.close());

  it('passes every dynamic variable the provisioned prompts use when a session starts', async () => {
    const owner = await registerTenant(app, 'Variable Check');
    const http = request(app.getHttpServer());
    await http
      .patch('/api/v1/tenant')
      .set(owner.auth)
      .send({ voice: { agents: { support: 'agent_support', sales: 'agent_sales' } } })
      .expect(200);
    fake.on('GET', SIGNED_URL_PATH, { body: { signed_url: SIGNED_URL } });

    for (const purpose of AGENT_PURPOSES) {
      const res = await http
        .post('/api/v1/voice/sessions')
        .set(owner.auth)
        .send({ purpose })
        .expect(201);
      const { prompt, firstMessage } = agentScript(purpose);
      const used = [...`${prompt}\n${firstMessage}`.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map(
        (m) => m[1],
      );
      expect(Object.keys(res.body.dynamicVariables)).toEqual(expect.arrayContaining(used));
      expect(res.body.connection).toEqual({
        provider: 'elevenlabs',
        signedUrl: SIGNED_URL,
        agentId: purpose === 'support' ? 'agent_support' : 'agent_sales',
      });
    }
    expect(fake.requestsTo('GET', SIGNED_URL_PATH).map((r) => r.query.agent_id)).toEqual([
      'agent_support',
      'agent_sales',
    ]);
  });
});
