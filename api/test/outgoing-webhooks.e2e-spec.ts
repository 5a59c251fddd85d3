import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type {
  BookingView,
  TicketView,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@navaia/shared';
import { TenantJobRunner } from '../src/common/queue/tenant-job';
import { AppRole, DEFAULT_OUTGOING_WEBHOOKS } from '../src/config/config';
import { TicketService } from '../src/modules/ticket/ticket.service';
import { addMember, createTestApp, queryAsOwner, registerTenant, TestTenant } from './support/app';
import { postCallEvent, signed } from './support/elevenlabs';
import { createBooking, createCustomer, createTicket } from './support/records';
import { eventually } from './support/wait';

/** One POST as the receiver got it. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** When it arrived (ms since the epoch). */
  arrivedAt: number;
}

/**
 * An integrator's server: records every request and answers each path from a script whose
 * last entry repeats (`[500, 200]` fails once, then succeeds).
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = JSON.parse(raw);
      this.received.push({ path, headers: req.headers, raw, body, arrivedAt: Date.now() });
      const script = this.scripts.get(path) ?? [200];
      const status = script.length > 1 ? script.shift()! : script[0];
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${status}`);
    });
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answer(path: string, ...statuses: number[]): void {
    this.scripts.set(path, statuses);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's check, written from the Standard Webhooks definition. */
function verifiedBy(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.raw}`;
  const expected = createHmac('sha256', key).update(signed).digest();
  return String(r.headers['webhook-signature'])
    .split(' ')
    .some((entry) => {
      const [version, signature] = entry.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return (
        version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)
      );
    });
}

const ELEVENLABS_SECRET = 'wsec_outgoing_webhooks_suite';
const ALL_EVENTS = ['ticket.created', 'ticket.updated', 'booking.created', 'booking.updated'];

describe('outgoing webhooks', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  const receiver = new Receiver();
  let pathCounter = 0;
  const freshPath = () => `/hooks/${++pathCounter}`;

  beforeAll(async () => {
    await receiver.start();
    app = await createTestApp({
      role: AppRole.All,
      elevenLabs: { webhookSecrets: [ELEVENLABS_SECRET] },
      outgoingWebhooks: {
        ...DEFAULT_OUTGOING_WEBHOOKS,
        allowPrivateTargets: true,
        retryDelaysMs: [50, 50, 50, 50, 50],
        disableAfterFailures: 8,
        disableAfterMs: 0,
        requestTimeoutMs: 5_000,
        relayIntervalMs: 100,
      },
    });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  async function addEndpoint(
    t: TestTenant,
    path: string,
    body: object = {},
  ): Promise<WebhookEndpointWithSecret> {
    const res = await http
      .post('/api/v1/webhook-endpoints')
      .set(t.auth)
      .send({ url: receiver.url(path), eventTypes: ALL_EVENTS, ...body })
      .expect(201);
    return res.body;
  }
  const deliveries = (t: TestTenant, endpointId: string, query = '') =>
    http
      .get(`/api/v1/webhook-endpoints/${endpointId}/deliveries${query}`)
      .set(t.auth)
      .expect(200)
      .then((r) => r.body.data as WebhookDeliveryView[]);
  const endpoint = (t: TestTenant, id: string) =>
    http
      .get(`/api/v1/webhook-endpoints/${id}`)
      .set(t.auth)
      .expect(200)
      .then((r) => r.body as WebhookEndpointView);
  const arrivals = (path: string, type: string, count = 1) =>
    eventually(
      () => receiver.at(path).filter((r) => r.body.type === type),
      (list) => list.length >= count,
    );
  async function newTicket(t: TestTenant, subject = 'Router drops the connection') {
    const customer = await createCustomer(app, t, { firstName: 'Ada' });
    return createTicket(app, t, { customerId: customer.id, subject });
  }

  describe('endpoints', () => {
    it('shows the signing secret once, on create, and never in reads', async () => {
      const t = await registerTenant(app);
      const created = await addEndpoint(t, freshPath(), { description: 'CRM sync' });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(created.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
      expect(created).toMatchObject({
        description: 'CRM sync',
        eventTypes: ALL_EVENTS,
        enabled: true,
        disabledReason: null,
      });

      const read = await endpoint(t, created.id);
      expect(read).not.toHaveProperty('secret');
      const list = await http.get('/api/v1/webhook-endpoints').set(t.auth).expect(200);
      expect(list.body.data.map((e: WebhookEndpointView) => e.id)).toEqual([created.id]);
      expect(JSON.stringify(list.body)).not.toContain(created.secret);
      const [stored] = await queryAsOwner<{ after: object }>(
        `SELECT after FROM audit_log WHERE entity_id = $1`,
        [created.id],
      );
      expect(JSON.stringify(stored.after)).not.toContain(created.secret);
    });

    it('edits, disables by hand and deletes an endpoint', async () => {
      const t = await registerTenant(app);
      const created = await addEndpoint(t, freshPath());
      const patched = await http
        .patch(`/api/v1/webhook-endpoints/${created.id}`)
        .set(t.auth)
        .send({ description: null, eventTypes: ['booking.created'], enabled: false })
        .expect(200);
      expect(patched.body).toMatchObject({
        description: null,
        eventTypes: ['booking.created'],
        enabled: false,
        disabledReason: 'Disabled by a user',
      });
      await http.delete(`/api/v1/webhook-endpoints/${created.id}`).set(t.auth).expect(204);
      await http.get(`/api/v1/webhook-endpoints/${created.id}`).set(t.auth).expect(404);
    });

    it.each([
      [{ url: 'ftp://example.com/hook', eventTypes: ['ticket.created'] }, 'url'],
      [{ url: 'not a url', eventTypes: ['ticket.created'] }, 'url'],
      [{ url: 'https://user:pw@example.com/hook', eventTypes: ['ticket.created'] }, 'url'],
      [{ url: 'https://example.com/hook', eventTypes: [] }, 'eventTypes'],
      [{ url: 'https://example.com/hook', eventTypes: ['ticket.deleted'] }, 'eventTypes'],
      [
        { url: 'https://example.com/hook', eventTypes: ['ticket.created', 'ticket.created'] },
        'eventTypes',
      ],
      [{ url: 'https://example.com/hook' }, 'eventTypes'],
    ])('refuses %p with 400 naming %s', async (body, field) => {
      const t = await registerTenant(app);
      const res = await http.post('/api/v1/webhook-endpoints').set(t.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it.each(['tenantId', 'secret', 'consecutiveFailures', 'disabledReason'])(
      'refuses the unknown field %s (mass assignment)',
      async (field) => {
        const t = await registerTenant(app);
        const body = { url: receiver.url('/x'), eventTypes: ['ticket.created'], [field]: 'x' };
        const res = await http.post('/api/v1/webhook-endpoints').set(t.auth).send(body).expect(400);
        expect(res.body.details).toEqual([{ field, message: `${field} is not an accepted field` }]);
        const created = await addEndpoint(t, freshPath());
        await http
          .patch(`/api/v1/webhook-endpoints/${created.id}`)
          .set(t.auth)
          .send({ [field]: 'x' })
          .expect(400);
      },
    );

    it('lets viewers and agents read but only admins and owners change endpoints', async () => {
      const owner = await registerTenant(app);
      const created = await addEndpoint(owner, freshPath());
      const admin = await addMember(app, owner, 'admin');
      for (const role of ['viewer', 'agent']) {
        const member = await addMember(app, owner, role);
        await http.get('/api/v1/webhook-endpoints').set(member.auth).expect(200);
        await http
          .get(`/api/v1/webhook-endpoints/${created.id}/deliveries`)
          .set(member.auth)
          .expect(200);
        await http
          .post('/api/v1/webhook-endpoints')
          .set(member.auth)
          .send({ url: receiver.url('/x'), eventTypes: ['ticket.created'] })
          .expect(403);
        for (const action of ['rotate-secret', 'enable', 'test']) {
          await http
            .post(`/api/v1/webhook-endpoints/${created.id}/${action}`)
            .set(member.auth)
            .expect(403);
        }
        await http
          .patch(`/api/v1/webhook-endpoints/${created.id}`)
          .set(member.auth)
          .send({ enabled: false })
          .expect(403);
        await http.delete(`/api/v1/webhook-endpoints/${created.id}`).set(member.auth).expect(403);
      }
      await http
        .patch(`/api/v1/webhook-endpoints/${created.id}`)
        .set(admin.auth)
        .send({ description: 'by an admin' })
        .expect(200);
    });
  });

  it('should not show endpoint URLs, errors or answers to members below admin (they often carry secrets)', async () => {
    const owner = await registerTenant(app);
    const path = freshPath();
    const created = await addEndpoint(owner, `${path}?token=s3cret`, { description: 'CRM sync' });
    await newTicket(owner);
    await eventually(
      () => deliveries(owner, created.id),
      (list) => list[0]?.status === 'delivered',
    );
    const read = async (auth: Record<string, string>) => ({
      listed: (await http.get('/api/v1/webhook-endpoints').set(auth).expect(200)).body.data,
      one: (await http.get(`/api/v1/webhook-endpoints/${created.id}`).set(auth).expect(200))
        .body as WebhookEndpointView,
      logged: (
        await http.get(`/api/v1/webhook-endpoints/${created.id}/deliveries`).set(auth).expect(200)
      ).body.data as WebhookDeliveryView[],
    });
    for (const t of [owner, await addMember(app, owner, 'admin')]) {
      const { one, logged } = await read(t.auth);
      expect(one.url).toBe(receiver.url(`${path}?token=s3cret`));
      expect(logged[0].responseSnippet).toBe('answer 200');
    }
    for (const role of ['viewer', 'agent']) {
      const member = await addMember(app, owner, role);
      const { listed, one, logged } = await read(member.auth);
      expect(listed).toEqual([one]);
      expect(one).toMatchObject({ id: created.id, url: null, description: 'CRM sync' });
      expect(logged[0]).toMatchObject({
        status: 'delivered',
        lastStatusCode: 200,
        lastError: null,
        responseSnippet: null,
      });
      expect(JSON.stringify([listed, one, logged])).not.toContain('s3cret');
    }
  });

  describe('deliveries', () => {
    it('posts ticket.created, signed, with the Standard Webhooks headers and the public view', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path);
      const ticket = await newTicket(t);

      const [event] = await arrivals(path, 'ticket.created');
      expect(event).toBeDefined();
      expect(event.headers['content-type']).toBe('application/json');
      expect(event.headers['user-agent']).toMatch(/^Navaia-Webhooks\//);
      expect(event.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(event.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(event.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(
        300,
      );
      expect(String(event.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(verifiedBy(created.secret, event)).toBe(true);
      expect(
        verifiedBy(created.secret, { ...event, raw: event.raw.replace('Router', 'Rooter') }),
      ).toBe(false);
      const shown = await http.get(`/api/v1/tickets/${ticket.id}`).set(t.auth).expect(200);
      expect(event.body.data).toEqual(shown.body);
      expect(new Date(event.body.timestamp).toISOString()).toBe(event.body.timestamp);

      const [logged] = await eventually(
        () => deliveries(t, created.id),
        (list) => list[0]?.status === 'delivered',
      );
      expect(logged).toMatchObject({
        eventType: 'ticket.created',
        webhookId: event.headers['webhook-id'],
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        responseSnippet: 'answer 200',
        nextAttemptAt: null,
      });
    });

    it('posts ticket.updated on edits and status moves, and booking events', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path);
      const ticket = await newTicket(t);
      await http
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set(t.auth)
        .send({ status: 'in_progress' })
        .expect(200);
      const [updated] = await arrivals(path, 'ticket.updated');
      expect((updated.body.data as unknown as TicketView).status).toBe('in_progress');
      expect(verifiedBy(created.secret, updated)).toBe(true);

      const customer = await createCustomer(app, t);
      const booking = await createBooking(app, t, {
        customerId: customer.id,
        service: 'Cleaning',
        startsAt: '2030-05-01T10:00:00.000Z',
      });
      await http
        .patch(`/api/v1/bookings/${booking.id}`)
        .set(t.auth)
        .send({ status: 'confirmed' })
        .expect(200);
      const [bookingCreated] = await arrivals(path, 'booking.created');
      const [bookingUpdated] = await arrivals(path, 'booking.updated');
      expect((bookingCreated.body.data as unknown as BookingView).id).toBe(booking.id);
      expect((bookingUpdated.body.data as unknown as BookingView).status).toBe('confirmed');
      const ids = receiver.at(path).map((r) => r.headers['webhook-id']);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('notifies tickets that calls create, like manual ones', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path);
      const customer = await createCustomer(app, t);
      const session = await http
        .post('/api/v1/voice/sessions')
        .set(t.auth)
        .send({ purpose: 'support', customerId: customer.id })
        .expect(201);
      const { body, signature } = signed(
        postCallEvent({ dynamicVariables: session.body.dynamicVariables }),
        ELEVENLABS_SECRET,
      );
      await http
        .post('/api/v1/webhooks/elevenlabs')
        .set('Content-Type', 'application/json')
        .set('ElevenLabs-Signature', signature)
        .send(body)
        .expect(200);

      const [event] = await arrivals(path, 'ticket.created');
      expect(event.body.data).toMatchObject({
        source: 'voice',
        customerId: customer.id,
        voiceSessionId: session.body.session.id,
      });
      expect(verifiedBy(created.secret, event)).toBe(true);
    });

    it('sends only the event types an endpoint subscribes to', async () => {
      const t = await registerTenant(app);
      const bookingsOnly = freshPath();
      const everything = freshPath();
      await addEndpoint(t, bookingsOnly, { eventTypes: ['booking.created'] });
      await addEndpoint(t, everything);
      const ticket = await newTicket(t);
      await arrivals(everything, 'ticket.created');
      const customer = await createCustomer(app, t);
      await createBooking(app, t, {
        customerId: customer.id,
        service: 'Check-up',
        startsAt: '2030-05-02T10:00:00.000Z',
      });
      await arrivals(bookingsOnly, 'booking.created');
      expect(receiver.at(bookingsOnly).map((r) => r.body.type)).toEqual(['booking.created']);
      expect(JSON.stringify(receiver.at(bookingsOnly))).not.toContain(ticket.id);
    });

    it('notifies nothing of a change whose transaction rolled back', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      await addEndpoint(t, path);
      const customer = await createCustomer(app, t);
      const subject = `Rolled back ${Date.now()}`;
      const outcome = await app
        .get(TenantJobRunner)
        .runFor(t.tenant.id, 'rollback-test', async () => {
          await app.get(TicketService).create({ customerId: customer.id, subject });
          throw new Error('the rest of the change failed');
        })
        .catch((error: Error) => error.message);
      expect(outcome).toBe('the rest of the change failed');
      expect(await queryAsOwner(`SELECT id FROM tickets WHERE subject = $1`, [subject])).toEqual(
        [],
      );
      expect(
        await queryAsOwner(`SELECT id FROM webhook_deliveries WHERE body LIKE $1`, [
          `%${subject}%`,
        ]),
      ).toEqual([]);

      // A committed change after it arrives, and the rolled-back one never did.
      const later = await createTicket(app, t, { customerId: customer.id, subject: 'Committed' });
      const [event] = await arrivals(path, 'ticket.created');
      expect(event.body.data.id).toBe(later.id);
      expect(receiver.at(path).some((r) => r.raw.includes(subject))).toBe(false);
    });

    it('delivers outbox rows whose queue job never came (a crash right after commit)', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path);
      const body = JSON.stringify({
        type: 'ticket.created',
        timestamp: new Date().toISOString(),
        data: { id: 'x' },
      });
      // Written as the transaction of a change would, but never queued: only the relay finds it.
      await queryAsOwner(
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, webhook_id, body, max_attempts, next_attempt_at)
         VALUES ($1, $2, 'ticket.created', 'msg_orphan', $3, 6, now())`,
        [t.tenant.id, created.id, body],
      );
      const [event] = await arrivals(path, 'ticket.created');
      expect(event.headers['webhook-id']).toBe('msg_orphan');
      expect(event.raw).toBe(body);
      expect(verifiedBy(created.secret, event)).toBe(true);
    });

    it('retries a failed delivery with the same webhook-id until the receiver accepts it', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      receiver.answer(path, 500, 503, 200);
      const created = await addEndpoint(t, path);
      await newTicket(t);

      const attempts = await arrivals(path, 'ticket.created', 3);
      expect(attempts).toHaveLength(3);
      expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
      expect(new Set(attempts.map((a) => a.raw)).size).toBe(1);
      expect(attempts.every((a) => verifiedBy(created.secret, a))).toBe(true);
      const [logged] = await eventually(
        () => deliveries(t, created.id),
        (list) => list[0]?.status === 'delivered',
      );
      expect(logged).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
      expect(await endpoint(t, created.id)).toMatchObject({
        enabled: true,
        consecutiveFailures: 0,
        failingSince: null,
      });
    });

    it('fails a delivery after its last retry, and disables an endpoint that keeps failing', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      receiver.answer(path, 500);
      const created = await addEndpoint(t, path);

      // Six attempts (the first and five retries), all failing: the delivery fails, and six
      // failures in a row are not yet enough to switch the endpoint off.
      await newTicket(t, 'First');
      const [failed] = await eventually(
        () => deliveries(t, created.id, '?status=failed'),
        (list) => list.length === 1,
      );
      expect(failed).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
      expect(failed).toMatchObject({ lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(failed.responseSnippet).toBe('answer 500');
      expect(await endpoint(t, created.id)).toMatchObject({
        enabled: true,
        consecutiveFailures: 6,
      });

      // Two more failures of the next event make eight in a row: the endpoint is disabled.
      await newTicket(t, 'Second');
      const disabled = await eventually(
        () => endpoint(t, created.id),
        (e) => !e.enabled,
      );
      expect(disabled.enabled).toBe(false);
      expect(disabled.disabledReason).toMatch(
        /^Disabled after 8 failed attempts in a row .*HTTP 500/,
      );
      expect(disabled.disabledAt).not.toBeNull();
      const [waiting] = await deliveries(t, created.id, '?status=pending');
      expect(waiting).toMatchObject({ attempts: 2, lastStatusCode: 500 });
      await http.post(`/api/v1/webhook-endpoints/${created.id}/test`).set(t.auth).expect(409);
      await http
        .post(`/api/v1/webhook-endpoints/${created.id}/deliveries/${failed.id}/replay`)
        .set(t.auth)
        .expect(409);

      // Re-enabled by hand, the waiting delivery goes out; a replay gives the failed one one more attempt.
      receiver.answer(path, 200);
      const enabled = await http
        .post(`/api/v1/webhook-endpoints/${created.id}/enable`)
        .set(t.auth)
        .expect(200);
      expect(enabled.body).toMatchObject({
        enabled: true,
        disabledReason: null,
        consecutiveFailures: 0,
      });
      await http
        .post(`/api/v1/webhook-endpoints/${created.id}/deliveries/${failed.id}/replay`)
        .set(t.auth)
        .expect(202);
      const settled = await eventually(
        () => deliveries(t, created.id),
        (list) => list.every((d) => d.status === 'delivered'),
      );
      expect(settled.map((d) => [d.status, d.attempts])).toEqual([
        ['delivered', 3],
        ['delivered', 7],
      ]);
    });

    it('replays a delivery with the same webhook-id', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path);
      await newTicket(t);
      const [first] = await arrivals(path, 'ticket.created');
      const [delivery] = await eventually(
        () => deliveries(t, created.id),
        (list) => list[0]?.status === 'delivered',
      );

      const replay = await http
        .post(`/api/v1/webhook-endpoints/${created.id}/deliveries/${delivery.id}/replay`)
        .set(t.auth)
        .expect(202);
      expect(replay.body).toMatchObject({ id: delivery.id, status: 'pending' });
      const both = await arrivals(path, 'ticket.created', 2);
      expect(both).toHaveLength(2);
      expect(both[1].headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(both[1].raw).toBe(first.raw);
      const [after] = await eventually(
        () => deliveries(t, created.id),
        (list) => list[0]?.status === 'delivered' && list[0].attempts === 2,
      );
      expect(after).toMatchObject({ status: 'delivered', attempts: 2 });
    });

    it('sends a test event on request, whatever the endpoint subscribes to', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path, { eventTypes: ['booking.updated'] });
      const res = await http
        .post(`/api/v1/webhook-endpoints/${created.id}/test`)
        .set(t.auth)
        .expect(202);
      expect(res.body).toMatchObject({ eventType: 'webhook.test', status: 'pending' });
      const [event] = await arrivals(path, 'webhook.test');
      expect(event.body.data).toEqual({
        endpointId: created.id,
        message: 'A test event from Navaia',
      });
      expect(verifiedBy(created.secret, event)).toBe(true);
    });

    it('signs with both the new and the previous secret during the rotation overlap', async () => {
      const t = await registerTenant(app);
      const path = freshPath();
      const created = await addEndpoint(t, path);
      const rotated = await http
        .post(`/api/v1/webhook-endpoints/${created.id}/rotate-secret`)
        .set(t.auth)
        .expect(200);
      const secret: string = rotated.body.secret;
      expect(secret).toMatch(/^whsec_/);
      expect(secret).not.toBe(created.secret);
      expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(
        Date.now() + 23 * 3600_000,
      );

      await newTicket(t);
      const [event] = await arrivals(path, 'ticket.created');
      const signatures = String(event.headers['webhook-signature']).split(' ');
      expect(signatures).toHaveLength(2);
      expect(verifiedBy(secret, event)).toBe(true);
      expect(verifiedBy(created.secret, event)).toBe(true);
      expect(
        verifiedBy(secret, {
          ...event,
          headers: { ...event.headers, 'webhook-signature': signatures[1] },
        }),
      ).toBe(false);
      expect(await endpoint(t, created.id)).not.toHaveProperty('secret');
    });
  });

  describe('tenant isolation', () => {
    it('answers 404 to another tenant for an endpoint and its deliveries', async () => {
      const a = await registerTenant(app, 'A');
      const b = await registerTenant(app, 'B');
      const path = freshPath();
      const created = await addEndpoint(a, path);
      await http.post(`/api/v1/webhook-endpoints/${created.id}/test`).set(a.auth).expect(202);
      const [delivery] = await eventually(
        () => deliveries(a, created.id),
        (list) => list.length > 0,
      );
      const base = `/api/v1/webhook-endpoints/${created.id}`;
      await http.get(base).set(b.auth).expect(404);
      await http.patch(base).set(b.auth).send({ description: 'mine now' }).expect(404);
      await http.get(`${base}/deliveries`).set(b.auth).expect(404);
      for (const action of ['rotate-secret', 'enable', 'test']) {
        await http.post(`${base}/${action}`).set(b.auth).expect(404);
      }
      await http.post(`${base}/deliveries/${delivery.id}/replay`).set(b.auth).expect(404);
      const other = await addEndpoint(b, freshPath());
      await http
        .post(`/api/v1/webhook-endpoints/${other.id}/deliveries/${delivery.id}/replay`)
        .set(b.auth)
        .expect(404);
      await http.delete(base).set(b.auth).expect(404);
      const listed = await http.get('/api/v1/webhook-endpoints').set(b.auth).expect(200);
      expect(listed.body.data.map((e: WebhookEndpointView) => e.id)).toEqual([other.id]);
      await http.get(base).set(a.auth).expect(200);
    });

    it("never delivers one tenant's events to another tenant's endpoint", async () => {
      const a = await registerTenant(app, 'A');
      const b = await registerTenant(app, 'B');
      const pathA = freshPath();
      const pathB = freshPath();
      await addEndpoint(a, pathA);
      await addEndpoint(b, pathB);
      const ticketOfB = await newTicket(b, 'Only for B');
      await arrivals(pathB, 'ticket.created');
      const ticketOfA = await newTicket(a, 'Only for A');
      await arrivals(pathA, 'ticket.created');
      expect(receiver.at(pathA).map((r) => r.body.data.id)).toEqual([ticketOfA.id]);
      expect(receiver.at(pathB).map((r) => r.body.data.id)).toEqual([ticketOfB.id]);
    });
  });
});

describe('outgoing webhooks without the operator allowing private targets', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://app.localhost/hook',
    'http://10.0.0.5/hook',
    'http://192.168.1.10/hook',
    'http://172.20.0.1/hook',
    'http://100.64.1.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[fe80::1]/hook',
    'http://[fd00:ec2::254]/latest',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/hook',
    'http://2130706433/hook',
    'http://0x7f.1/hook',
  ])('refuses %s with 400 on save', async (url) => {
    const t = await registerTenant(app);
    const res = await http
      .post('/api/v1/webhook-endpoints')
      .set(t.auth)
      .send({ url, eventTypes: ['ticket.created'] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'url', message: expect.stringMatching(/^url /) }]);
  });

  it('refuses a private address on edit too, and keeps public ones', async () => {
    const t = await registerTenant(app);
    const created = await http
      .post('/api/v1/webhook-endpoints')
      .set(t.auth)
      .send({ url: 'https://93.184.215.14/hooks', eventTypes: ['ticket.created'] })
      .expect(201);
    const res = await http
      .patch(`/api/v1/webhook-endpoints/${created.body.id}`)
      .set(t.auth)
      .send({ url: 'http://10.1.2.3/hooks' })
      .expect(400);
    expect(res.body.code).toBe('forbidden_webhook_target');
    const kept = await http.get(`/api/v1/webhook-endpoints/${created.body.id}`).set(t.auth);
    expect(kept.body.url).toBe('https://93.184.215.14/hooks');
  });
});

describe('outgoing webhook quotas', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  const receiver = new Receiver();
  const WINDOW_MS = 2_000;

  beforeAll(async () => {
    await receiver.start();
    app = await createTestApp({
      role: AppRole.All,
      outgoingWebhooks: {
        ...DEFAULT_OUTGOING_WEBHOOKS,
        allowPrivateTargets: true,
        retryDelaysMs: [50, 50, 50, 50, 50],
        requestTimeoutMs: 5_000,
        relayIntervalMs: 100,
        maxEndpointsPerTenant: 3,
        deliveriesPerTenantPerMinute: 2,
        deliveryRateWindowMs: WINDOW_MS,
      },
    });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  const addEndpoint = (t: TestTenant, path: string) =>
    http
      .post('/api/v1/webhook-endpoints')
      .set(t.auth)
      .send({ url: receiver.url(path), eventTypes: ['ticket.created'] });

  it('refuses an endpoint past the tenant limit with 409 naming it', async () => {
    const [t, other] = await Promise.all([registerTenant(app), registerTenant(app)]);
    const made = await Promise.all(
      ['/q/1', '/q/2', '/q/3', '/q/4'].map((path) => addEndpoint(t, path)),
    );
    expect(made.map((r) => r.status).sort()).toEqual([201, 201, 201, 409]);
    const refused = made.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({
      code: 'webhook_endpoint_limit',
      message: 'An organisation may have at most 3 webhook endpoints; delete one first',
    });
    await addEndpoint(other, '/q/other').expect(201);
    const first = made.find((r) => r.status === 201)!;
    await http.delete(`/api/v1/webhook-endpoints/${first.body.id}`).set(t.auth).expect(204);
    await addEndpoint(t, '/q/5').expect(201);
  });

  it('holds deliveries over the tenant rate until the next window, and sends every one', async () => {
    const t = await registerTenant(app);
    const path = '/q/rate';
    const endpoint = (await addEndpoint(t, path).expect(201)).body as WebhookEndpointView;
    const customer = await createCustomer(app, t);
    for (let i = 0; i < 5; i++)
      await createTicket(app, t, { customerId: customer.id, subject: `Rate ${i}` });
    const arrived = await eventually(
      () => receiver.at(path),
      (list) => list.length >= 5,
      20_000,
    );
    expect(arrived).toHaveLength(5);
    const times = arrived.map((r) => r.arrivedAt);
    // Two a window: any three arrivals span at least (nearly) one window.
    for (let i = 2; i < times.length; i++)
      expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(WINDOW_MS * 0.9);
    const log = await http
      .get(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries`)
      .set(t.auth)
      .expect(200);
    // Waiting costs no attempt: each went out once.
    expect((log.body.data as WebhookDeliveryView[]).map((d) => [d.status, d.attempts])).toEqual(
      Array.from({ length: 5 }, () => ['delivered', 1]),
    );
  });
});
