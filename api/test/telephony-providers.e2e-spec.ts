import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import request from 'supertest';
import twilio from 'twilio';
import { CallStatus } from '@navaia/shared';
import { QueueName, TelephonyJob } from '../src/common/queue/queue-names';
import { AppConfig, AppRole, TelephonyProviderName } from '../src/config/config';
import { CallReconciler } from '../src/modules/telephony/call-reconciler';
import { ElevenLabsTelephonyProvider } from '../src/modules/telephony/providers/elevenlabs.provider';
import {
  DialOutcomeUnknown,
  DialRefused,
} from '../src/modules/telephony/providers/telephony-provider';
import { TwilioTelephonyProvider } from '../src/modules/telephony/providers/twilio.provider';
import { TelephonyProcessor } from '../src/modules/telephony/telephony.processor';
import {
  createTestApp,
  queryAsOwner,
  registerCallingTenant,
  registerTenant,
  testConfig,
} from './support/app';
import { dialRequest } from './support/dial-request';
import { createCustomer, openCallAtProvider } from './support/records';
import { eventually, freePort } from './support/wait';

const ACCOUNT = 'AC' + '1'.repeat(32);
const TOKEN = 'twilio-auth-token-for-tests';

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  text: string;
}

type Answer = { status: number; body?: unknown; contentType?: string } | 'hang';

/**
 * A local stand-in for api.twilio.com and api.elevenlabs.io: records every request and
 * answers from a script per path (in order, the last answer repeating). 'hang' never answers,
 * as a provider that received the request and then lost the connection would look.
 */
class FakeProvider {
  readonly received: Received[] = [];
  private readonly script = new Map<string, Answer[]>();
  private readonly hanging: ServerResponse[] = [];
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      this.received.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        text: Buffer.concat(chunks).toString('utf8'),
      });
      const answers = this.script.get(path) ?? [{ status: 418 }];
      const answer = answers.length > 1 ? answers.shift()! : answers[0];
      if (answer === 'hang') {
        this.hanging.push(res);
        return;
      }
      const body =
        answer.body === undefined
          ? ''
          : typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
      res.end(body);
    });
  });

  static async start(): Promise<FakeProvider> {
    const fake = new FakeProvider();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  on(path: string, ...answers: Answer[]): void {
    this.script.set(path, answers);
  }

  to(path: string, containing = ''): Received[] {
    return this.received.filter((r) => r.path === path && r.text.includes(containing));
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const CALLS_PATH = `/2010-04-01/Accounts/${ACCOUNT}/Calls.json`;
const twilioCall = (sid = 'CA' + 'f'.repeat(32)) => ({
  sid,
  account_sid: ACCOUNT,
  status: 'queued',
  to: '+14155550123',
  from: '+14155550100',
});

/** GET /v1/convai/conversations/{id} as ElevenLabs answers it (snake_case on the wire). */
const elevenLabsConversation = (id: string, status: string, durationSecs: number) => ({
  agent_id: 'agent_support',
  conversation_id: id,
  status,
  transcript: [],
  metadata: { start_time_unix_secs: 1767225600, call_duration_secs: durationSecs },
  has_audio: false,
  has_user_audio: false,
  has_response_audio: false,
  has_auxiliary_audio: false,
});

describe('telephony providers against fake provider servers', () => {
  let fake: FakeProvider;

  beforeAll(async () => {
    fake = await FakeProvider.start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.received.splice(0));

  const config = (over: Partial<AppConfig> = {}): AppConfig =>
    testConfig({
      twilio: {
        accountSid: ACCOUNT,
        authToken: TOKEN,
        fromNumber: '+14155550100',
        baseUrl: fake.url,
        webhookAuthToken: TOKEN,
      },
      elevenLabs: { apiKey: 'xi-test-key', webhookSecrets: ['s'], baseUrl: fake.url },
      ...over,
    });

  describe('Twilio (our account places the call)', () => {
    it('sends calls.create with the TwiML URL, status callbacks for every step and AMD', async () => {
      fake.on(CALLS_PATH, { status: 201, body: twilioCall() });
      const answer = await new TwilioTelephonyProvider(config()).dial(dialRequest());
      expect(answer).toEqual({
        providerCallSid: 'CA' + 'f'.repeat(32),
        conversationId: null,
        from: '+14155550100',
      });
      const [sent] = fake.to(CALLS_PATH);
      expect(sent.method).toBe('POST');
      expect(sent.headers.authorization).toBe(
        `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
      );
      const form = new URLSearchParams(sent.text);
      expect(form.get('To')).toBe('+14155550123');
      expect(form.get('From')).toBe('+14155550100');
      expect(form.get('Url')).toBe(dialRequest().twimlUrl);
      expect(form.get('Method')).toBe('POST');
      expect(form.get('StatusCallback')).toBe(dialRequest().statusCallbackUrl);
      expect(form.get('StatusCallbackMethod')).toBe('POST');
      // Repeated parameters, one per event: a single joined value leaves calls stuck.
      expect(form.getAll('StatusCallbackEvent')).toEqual([
        'initiated',
        'ringing',
        'answered',
        'completed',
      ]);
      expect(form.get('MachineDetection')).toBe('Enable');
      expect(Number(form.get('Timeout'))).toBeGreaterThan(0);
    });

    it('retries 429 and 5xx with backoff, then succeeds', async () => {
      fake.on(
        CALLS_PATH,
        { status: 429, body: { code: 20429, message: 'Too many requests', status: 429 } },
        { status: 503, body: { code: 20503, message: 'Unavailable', status: 503 } },
        { status: 201, body: twilioCall() },
      );
      const answer = await new TwilioTelephonyProvider(config()).dial(dialRequest());
      expect(answer.providerCallSid).toBe('CA' + 'f'.repeat(32));
      expect(fake.to(CALLS_PATH)).toHaveLength(3);
    });

    it('an invalid number is refused with Twilio’s reason and never retried', async () => {
      fake.on(CALLS_PATH, {
        status: 400,
        body: {
          code: 21211,
          message: "The 'To' number +1999 is not a valid phone number.",
          status: 400,
        },
      });
      const error = await new TwilioTelephonyProvider(config())
        .dial(dialRequest({ to: '+1999' }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DialRefused);
      expect((error as DialRefused).retryable).toBe(false);
      expect((error as DialRefused).reason).toContain('21211');
      expect((error as DialRefused).reason).toContain('not a valid phone number');
      expect(fake.to(CALLS_PATH)).toHaveLength(1);
    });

    it('gives up retrying after a bounded number of 5xx answers, marked retryable for later', async () => {
      fake.on(CALLS_PATH, { status: 500, body: { code: 20500, message: 'Internal', status: 500 } });
      const error = await new TwilioTelephonyProvider(config())
        .dial(dialRequest())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DialRefused);
      expect((error as DialRefused).retryable).toBe(true);
      expect(fake.to(CALLS_PATH)).toHaveLength(4);
    });

    it('asks calls(sid).fetch() for the state of a call: its status, duration and who answered', async () => {
      const sid = 'CA' + 'c'.repeat(32);
      const path = `/2010-04-01/Accounts/${ACCOUNT}/Calls/${sid}.json`;
      fake.on(path, {
        status: 200,
        body: { ...twilioCall(sid), status: 'completed', duration: '42', answered_by: 'human' },
      });
      const provider = new TwilioTelephonyProvider(config());
      expect(await provider.callState({ providerCallSid: sid, conversationId: null })).toEqual({
        status: CallStatus.Completed,
        providerStatus: 'completed',
        durationSec: 42,
        answeredBy: 'human',
      });
      const [sent] = fake.to(path);
      expect(sent.method).toBe('GET');
      expect(sent.headers.authorization).toBe(
        `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
      );

      // A call Twilio does not know: it cannot tell.
      const unknown = 'CA' + 'd'.repeat(32);
      fake.on(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${unknown}.json`, {
        status: 404,
        body: { code: 20404, message: 'The requested resource was not found', status: 404 },
      });
      expect(
        await provider.callState({ providerCallSid: unknown, conversationId: null }),
      ).toBeNull();
    });
  });

  describe('ElevenLabs (native Twilio outbound call)', () => {
    const OUTBOUND = '/v1/convai/twilio/outbound-call';

    it('sends the agent, the imported number and the dynamic variables with call_id', async () => {
      fake.on(OUTBOUND, {
        status: 200,
        body: {
          success: true,
          message: 'ok',
          conversation_id: 'conv_1',
          callSid: 'CA' + 'e'.repeat(32),
        },
      });
      const answer = await new ElevenLabsTelephonyProvider(config()).dial(dialRequest());
      expect(answer).toEqual({
        providerCallSid: 'CA' + 'e'.repeat(32),
        conversationId: 'conv_1',
        from: '+14155550100',
      });
      const [sent] = fake.to(OUTBOUND);
      expect(sent.headers['xi-api-key']).toBe('xi-test-key');
      expect(JSON.parse(sent.text)).toEqual({
        agent_id: 'agent_support',
        agent_phone_number_id: 'phnum_123',
        to_number: '+14155550123',
        conversation_initiation_client_data: {
          dynamic_variables: { voice_session_id: 's-1', call_id: 'c-1', customer_name: 'Maya' },
        },
      });
    });

    it('retries 429, refuses 422 with ElevenLabs’ reason without retrying', async () => {
      fake.on(
        OUTBOUND,
        { status: 429, body: { detail: 'rate limited' } },
        {
          status: 200,
          body: { success: true, message: 'ok', conversation_id: 'conv_2', callSid: null },
        },
      );
      const provider = new ElevenLabsTelephonyProvider(config());
      expect((await provider.dial(dialRequest())).conversationId).toBe('conv_2');
      expect(fake.to(OUTBOUND)).toHaveLength(2);

      fake.received.splice(0);
      fake.on(OUTBOUND, {
        status: 422,
        body: { detail: [{ loc: ['body', 'to_number'], msg: 'invalid phone number' }] },
      });
      const error = await provider.dial(dialRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DialRefused);
      expect((error as DialRefused).retryable).toBe(false);
      expect((error as DialRefused).reason).toContain('to_number: invalid phone number');
      expect(fake.to(OUTBOUND)).toHaveLength(1);
    });

    it('a success:false answer is a refusal with its message', async () => {
      fake.on(OUTBOUND, { status: 200, body: { success: false, message: 'Number not verified' } });
      const error = await new ElevenLabsTelephonyProvider(config())
        .dial(dialRequest())
        .catch((e: unknown) => e);
      expect((error as DialRefused).reason).toContain('Number not verified');
    });

    it('no answer at all is an unknown outcome, not a refusal', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const error = await new ElevenLabsTelephonyProvider(
        config({ elevenLabs: { apiKey: 'k', webhookSecrets: ['s'], baseUrl: dead } }),
      )
        .dial(dialRequest())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DialOutcomeUnknown);
    });

    it('asks for the conversation of a call and maps its status and duration', async () => {
      const path = '/v1/convai/conversations/conv_state';
      fake.on(path, {
        status: 200,
        body: elevenLabsConversation('conv_state', 'done', 61),
      });
      const provider = new ElevenLabsTelephonyProvider(config());
      const ref = { providerCallSid: null, conversationId: 'conv_state' };
      expect(await provider.callState(ref)).toEqual({
        status: CallStatus.Completed,
        providerStatus: 'done',
        durationSec: 61,
      });
      const [sent] = fake.to(path);
      expect(sent.method).toBe('GET');
      expect(sent.headers['xi-api-key']).toBe('xi-test-key');

      fake.on(path, { status: 200, body: elevenLabsConversation('conv_state', 'in-progress', 0) });
      expect(await provider.callState(ref)).toEqual({
        status: CallStatus.InProgress,
        providerStatus: 'in-progress',
        durationSec: undefined,
      });
      fake.on(path, { status: 404, body: { detail: 'Conversation not found' } });
      expect(await provider.callState(ref)).toBeNull();
    });
  });

  describe('through the app with TELEPHONY_PROVIDER=twilio', () => {
    let app: NestFastifyApplication;
    let base: string;

    const twilioApp = async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const instance = await createTestApp({
        ...config(),
        role: AppRole.All,
        port,
        publicBaseUrl: base,
        telephonyProvider: TelephonyProviderName.Twilio,
      });
      await instance.listen({ port, host: '127.0.0.1' });
      return instance;
    };

    afterEach(async () => {
      await app?.close();
    });

    it('a worker that starts settles the calls a stopped process left open from Twilio’s word', async () => {
      app = await twilioApp();
      const t = await registerTenant(app);
      await app.close();
      const ended = 'CA' + '5'.repeat(32);
      const unknown = 'CA' + '6'.repeat(32);
      const [endedCall, unknownCall] = [
        await openCallAtProvider(t.tenant.id, {
          provider: 'twilio',
          status: 'ringing',
          sid: ended,
        }),
        await openCallAtProvider(t.tenant.id, {
          provider: 'twilio',
          status: 'ringing',
          sid: unknown,
        }),
      ];
      fake.on(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${ended}.json`, {
        status: 200,
        body: { ...twilioCall(ended), status: 'completed', duration: '73', answered_by: 'human' },
      });
      fake.on(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${unknown}.json`, {
        status: 404,
        body: { code: 20404, message: 'The requested resource was not found', status: 404 },
      });

      app = await twilioApp();
      const status = (id: string) =>
        queryAsOwner<{ status: string; duration_sec: number | null; answered_by: string | null }>(
          'SELECT status, duration_sec, answered_by FROM calls WHERE id = $1',
          [id],
        ).then((rows) => rows[0]);
      expect(
        await eventually(
          () => status(endedCall),
          (c) => c.status === 'completed',
        ),
      ).toEqual({ status: 'completed', duration_sec: 73, answered_by: 'human' });
      expect(fake.to(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${unknown}.json`)).toHaveLength(1);
      // Twilio cannot tell: left to the silence rule, not failed at once.
      expect((await status(unknownCall)).status).toBe('ringing');
    });

    it('never dials twice: the worker dies after asking Twilio, the job runs again, no second request', async () => {
      fake.on(CALLS_PATH, 'hang');
      app = await twilioApp();
      const http = request(app.getHttpServer());
      const t = await registerCallingTenant(app);
      const customer = await createCustomer(app, t);
      const call = (
        await http.post(`/api/v1/customers/${customer.id}/call`).set(t.auth).send({}).expect(202)
      ).body;
      await eventually(
        async () => fake.to(CALLS_PATH, call.id).length,
        (n) => n === 1,
      );

      // The worker process dies mid-request: its job is never finished.
      await app.get(TelephonyProcessor).worker.close(true);
      await app.close();

      // A new process; the queue hands the job out again, as it does with a stalled job.
      app = await twilioApp();
      const queue = app.get<Queue>(getQueueToken(QueueName.Telephony));
      const retried = await queue.add(
        TelephonyJob.Dial,
        { tenantId: t.tenant.id, callId: call.id },
        { jobId: `dial-${call.id}-again` },
      );
      const result = await eventually(
        async () => (await queue.getJob(retried.id!))?.returnvalue as { skipped?: string } | null,
        (value) => !!value,
      );
      expect(result).toEqual({ skipped: 'already attempted' });
      expect(fake.to(CALLS_PATH, call.id)).toHaveLength(1);

      // Unknown outcome: reconciled, not redialled.
      await queryAsOwner(
        `UPDATE call_attempts SET requested_at = now() - interval '11 minutes' WHERE call_id = $1`,
        [call.id],
      );
      await app.get(CallReconciler).reconcileAll();
      const settled = await request(app.getHttpServer())
        .get(`/api/v1/calls/${call.id}`)
        .set(t.auth)
        .expect(200);
      expect(settled.body.status).toBe('failed');
      expect(settled.body.failureReason).toBe('No final status from the provider');
      expect(fake.to(CALLS_PATH, call.id)).toHaveLength(1);
    });

    it('answers Twilio’s TwiML request with register-call for the tenant’s agent', async () => {
      fake.on(CALLS_PATH, { status: 201, body: twilioCall('CA' + '9'.repeat(32)) });
      const twiml =
        '<?xml version="1.0"?><Response><Connect><Stream url="wss://el"/></Connect></Response>';
      fake.on('/v1/convai/twilio/register-call', {
        status: 200,
        body: twiml,
        contentType: 'text/html',
      });
      app = await twilioApp();
      const http = request(app.getHttpServer());
      const t = await registerCallingTenant(app);
      await http
        .patch('/api/v1/tenant')
        .set(t.auth)
        .send({
          voice: { agents: { support: 'agent_twiml_support' } },
          telephony: { fromNumber: '+14155550177' },
        })
        .expect(200);
      const customer = await createCustomer(app, t);
      const call = (
        await http.post(`/api/v1/customers/${customer.id}/call`).set(t.auth).send({}).expect(202)
      ).body;
      await eventually(
        async () => fake.to(CALLS_PATH, call.id).length,
        (n) => n === 1,
      );
      const path = `/api/v1/webhooks/twilio/voice?callId=${call.id}`;
      const params = {
        CallSid: 'CA' + '9'.repeat(32),
        AccountSid: ACCOUNT,
        CallStatus: 'in-progress',
      };
      const res = await http
        .post(path)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set(
          'X-Twilio-Signature',
          twilio.getExpectedTwilioSignature(TOKEN, `${base}${path}`, params),
        )
        .send(new URLSearchParams(params).toString())
        .expect(200);
      expect(res.headers['content-type']).toContain('text/xml');
      expect(res.text).toBe(twiml);
      const [registered] = fake.to('/v1/convai/twilio/register-call');
      const body = JSON.parse(registered.text);
      expect(body).toMatchObject({
        agent_id: 'agent_twiml_support',
        from_number: '+14155550177',
        to_number: customer.phone,
        direction: 'outbound',
      });
      expect(body.conversation_initiation_client_data.dynamic_variables).toMatchObject({
        call_id: call.id,
        customer_id: customer.id,
      });
      // Unsigned: refused, no TwiML.
      await http
        .post(path)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(new URLSearchParams(params).toString())
        .expect(401);
    });
  });
});
