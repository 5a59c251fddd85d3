import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppRole, TelephonyProviderName, VoiceProviderName } from '../src/config/config';
import { CallReconciler } from '../src/modules/telephony/call-reconciler';
import { TwimlService } from '../src/modules/telephony/twiml.service';
import {
  ALWAYS_OPEN_CALLING_WINDOW,
  createTestApp,
  queryAsOwner,
  registerTenant,
  TestTenant,
} from './support/app';
import { createCustomer } from './support/records';
import { FakeElevenLabs, ScriptedResponse } from './support/fake-elevenlabs';
import { eventually } from './support/wait';

const SIGNED_URL_PATH = '/v1/convai/conversation/get-signed-url';
const ACCOUNT = 'AC' + '1'.repeat(32);
const REGISTER_CALL_PATH = '/v1/convai/twilio/register-call';
const SIGNED_URL = 'wss://api.elevenlabs.io/v1/convai/conversation?conversation_signature=s';

/** A provider answer the test releases when it has looked at the database meanwhile. */
function heldAnswer(answer: ScriptedResponse) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return { responder: () => released.then(() => answer), release };
}

/** Connections of the app's pool in use (each request transaction holds one). */
const connectionsInUse = (app: NestFastifyApplication) => {
  const pool = (app.get(DataSource).driver as PostgresDriver).master as Pool;
  return pool.totalCount - pool.idleCount;
};

const sessionsOf = (tenantId: string) =>
  queryAsOwner<{ status: string; outcome: string | null; failure_reason: string | null }>(
    `SELECT status, outcome, failure_reason FROM voice_sessions WHERE tenant_id = $1`,
    [tenantId],
  );

describe('provider calls run outside the request transaction', () => {
  let fake: FakeElevenLabs;
  let app: NestFastifyApplication;
  let t: TestTenant;
  let agentId: string;

  beforeAll(async () => {
    fake = await FakeElevenLabs.start();
    app = await createTestApp({
      role: AppRole.Http,
      voiceProvider: VoiceProviderName.ElevenLabs,
      elevenLabs: { apiKey: 'xi_test_key_0123456789', baseUrl: fake.url, webhookSecrets: ['w'] },
      telephonyProvider: TelephonyProviderName.Twilio,
      twilio: {
        accountSid: ACCOUNT,
        authToken: 'twilio-auth-token-for-tests',
        fromNumber: '+14155550100',
        // Nothing dials here (no worker); the TwiML request is asked for directly.
        baseUrl: fake.url,
        webhookAuthToken: 'twilio-auth-token-for-tests',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });
  beforeEach(async () => {
    fake.reset();
    t = await registerTenant(app);
    agentId = `agent_${randomUUID().slice(0, 8)}`;
    await request(app.getHttpServer())
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ voice: { agents: { support: agentId } }, callingWindow: ALWAYS_OPEN_CALLING_WINDOW })
      .expect(200);
  });

  /** A call to a new customer, queued (nothing dials it here). */
  async function queueCall() {
    const customer = await createCustomer(app, t);
    const call = (
      await request(app.getHttpServer())
        .post(`/api/v1/customers/${customer.id}/call`)
        .set(t.auth)
        .send({})
        .expect(202)
    ).body as { id: string };
    return { customer, call };
  }

  /** Starts a browser session and waits until ElevenLabs has been asked for its signed URL. */
  async function startAndWaitForProvider(): Promise<{ answer: Promise<request.Response> }> {
    const answer = request(app.getHttpServer())
      .post('/api/v1/voice/sessions')
      .set(t.auth)
      .send({ purpose: 'support' })
      .then((res) => res);
    await eventually(
      () => fake.requestsTo('GET', SIGNED_URL_PATH).length,
      (n) => n === 1,
    );
    return { answer };
  }

  it('commits the session before asking ElevenLabs for a signed URL, and records the answer after', async () => {
    const held = heldAnswer({ body: { signed_url: SIGNED_URL } });
    fake.on('GET', SIGNED_URL_PATH, held.responder);

    const { answer } = await startAndWaitForProvider();
    try {
      // While ElevenLabs thinks, the request holds no connection, and its row is committed.
      expect(connectionsInUse(app)).toBe(0);
      expect(await sessionsOf(t.tenant.id)).toEqual([
        { status: 'in_progress', outcome: null, failure_reason: null },
      ]);
    } finally {
      held.release();
    }

    const res = await answer;
    expect(res.status).toBe(201);
    expect(res.body.connection).toEqual({
      provider: 'elevenlabs',
      signedUrl: SIGNED_URL,
      agentId,
    });
    expect(res.body.session).toMatchObject({ status: 'in_progress', outcome: null });
    const listed = await request(app.getHttpServer())
      .get('/api/v1/voice/sessions')
      .set(t.auth)
      .expect(200);
    expect(listed.body.data.map((s: { id: string }) => s.id)).toEqual([res.body.session.id]);
  });

  it('records a refused start on the session, committed, and answers with the provider’s error as before', async () => {
    fake.on('GET', SIGNED_URL_PATH, {
      status: 422,
      body: { detail: [{ loc: ['query', 'agent_id'], msg: 'No such agent' }] },
    });

    const res = await request(app.getHttpServer())
      .post('/api/v1/voice/sessions')
      .set(t.auth)
      .send({ purpose: 'support' });

    expect(res.status).toBe(502);
    expect(res.body.code).toBe('voice_provider_rejected');
    expect(await sessionsOf(t.tenant.id)).toEqual([
      {
        status: 'failed',
        outcome: 'failed',
        failure_reason: `The conversation could not start: ElevenLabs refused to start a conversation with agent ${agentId}: HTTP 422 (agent_id: No such agent)`,
      },
    ]);
  });

  it('reads the call for Twilio’s TwiML request in a transaction that ends before ElevenLabs’ register-call', async () => {
    const twiml =
      '<?xml version="1.0"?><Response><Connect><Stream url="wss://el"/></Connect></Response>';
    const held = heldAnswer({ text: twiml, headers: { 'content-type': 'text/xml' } });
    fake.on('POST', REGISTER_CALL_PATH, held.responder);
    const { customer, call } = await queueCall();
    await queryAsOwner(`UPDATE calls SET from_number = '+14155550177' WHERE id = $1`, [call.id]);

    const answer = app.get(TwimlService).twimlFor(call.id);
    await eventually(
      () => fake.requestsTo('POST', REGISTER_CALL_PATH).length,
      (n) => n === 1,
    );
    try {
      expect(connectionsInUse(app)).toBe(0);
    } finally {
      held.release();
    }

    expect(await answer).toBe(twiml);
    const [registered] = fake.requestsTo('POST', REGISTER_CALL_PATH);
    expect(registered.body).toMatchObject({
      agent_id: agentId,
      from_number: '+14155550177',
      to_number: customer.phone,
    });
  });

  it('asks Twilio about open calls with no transaction open, then applies its word', async () => {
    const sid = 'CA' + randomUUID().replace(/-/g, '');
    const held = heldAnswer({
      body: { sid, account_sid: ACCOUNT, status: 'completed', duration: '42' },
    });
    fake.on('GET', `/2010-04-01/Accounts/${ACCOUNT}/Calls/${sid}.json`, held.responder);
    const { call } = await queueCall();
    await queryAsOwner(
      `UPDATE calls SET status = 'in_progress', provider_call_sid = $2 WHERE id = $1`,
      [call.id, sid],
    );

    const moved = app.get(CallReconciler).checkOpenCalls();
    await eventually(
      () => fake.requestsTo('GET', `/2010-04-01/Accounts/${ACCOUNT}/Calls/${sid}.json`).length,
      (n) => n === 1,
    );
    try {
      expect(connectionsInUse(app)).toBe(0);
    } finally {
      held.release();
    }

    expect(await moved).toBeGreaterThanOrEqual(1);
    const settled = await request(app.getHttpServer())
      .get(`/api/v1/calls/${call.id}`)
      .set(t.auth)
      .expect(200);
    expect(settled.body).toMatchObject({ status: 'completed', durationSec: 42 });
  });
});
