import { request as httpRequest, type ClientRequest } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { CampaignService } from '../src/modules/campaign/campaign.service';
import { addMember, createTestApp, registerTenant, TestTenant } from './support/app';
import { createCustomer } from './support/records';
import { eventually, freePort } from './support/wait';

const ALWAYS_OPEN = { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };

describe('campaign event streams', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let port: number;
  const open: ClientRequest[] = [];

  beforeAll(async () => {
    port = await freePort();
    app = await createTestApp({ port, campaignStreams: { perUser: 2, perTenant: 3 } });
    await app.listen({ port, host: '127.0.0.1' });
    http = request(app.getHttpServer());
  });
  afterEach(() => open.splice(0).forEach((req) => req.destroy()));
  afterAll(() => app.close());

  /** A campaign scheduled for tomorrow: its stream stays open. */
  async function liveCampaign(t: TestTenant): Promise<string> {
    const scheduledAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    const campaign = await http
      .post('/api/v1/campaigns')
      .set(t.auth)
      .send({ name: 'Streams', purpose: 'support', callingWindow: ALWAYS_OPEN, scheduledAt })
      .expect(201);
    const customer = await createCustomer(app, t);
    await http
      .post(`/api/v1/campaigns/${campaign.body.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: [customer.id] })
      .expect(200);
    await http.post(`/api/v1/campaigns/${campaign.body.id}/start`).set(t.auth).expect(200);
    return campaign.body.id;
  }

  /** Opens a stream; answers its status, with its first frame when it is 200. */
  function stream(auth: Record<string, string>, campaignId: string) {
    return new Promise<{ status: number; first: string; req: ClientRequest }>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: `/api/v1/campaigns/${campaignId}/events`,
        headers: auth,
      });
      open.push(req);
      req.on('error', () => undefined);
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (res.statusCode !== 200 || text.includes('\n\n'))
            resolve({ status: res.statusCode ?? 0, first: text, req });
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, first: text, req }));
      });
      req.end();
    });
  }

  it('caps open streams per user and per tenant with 429, and gives a slot back when a stream drops', async () => {
    const t = await registerTenant(app);
    const member = await addMember(app, t, 'agent');
    const id = await liveCampaign(t);
    const [a, b] = [await stream(t.auth, id), await stream(t.auth, id)];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.first).toMatch(/^data: \{"campaign":/);

    const third = await stream(t.auth, id);
    expect(third.status).toBe(429);
    expect(JSON.parse(third.first)).toMatchObject({
      code: 'too_many_streams',
      message: expect.stringContaining('At most 2 event streams'),
    });

    expect((await stream(member.auth, id)).status).toBe(200);
    const overTenant = await stream(member.auth, id);
    expect(overTenant.status).toBe(429);
    expect(JSON.parse(overTenant.first).message).toContain('At most 3 event streams');

    // An abrupt disconnect frees the slot.
    a.req.destroy();
    const again = await eventually(
      () => stream(t.auth, id),
      (r) => r.status === 200,
      5_000,
    );
    expect(again.status).toBe(200);
  });

  it('counts the streams of all API processes together', async () => {
    const otherPort = await freePort();
    const other = await createTestApp({
      port: otherPort,
      campaignStreams: { perUser: 2, perTenant: 3 },
    });
    try {
      await other.listen({ port: otherPort, host: '127.0.0.1' });
      const t = await registerTenant(app);
      const id = await liveCampaign(t);
      expect((await stream(t.auth, id)).status).toBe(200);
      expect((await stream(t.auth, id)).status).toBe(200);
      const res = await request(other.getHttpServer())
        .get(`/api/v1/campaigns/${id}/events`)
        .set(t.auth);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('too_many_streams');
    } finally {
      await other.close();
    }
  });

  it('feeds every stream of a campaign from one read per tick', async () => {
    const owners = await Promise.all([registerTenant(app), registerTenant(app)]);
    const id = await liveCampaign(owners[0]);
    const member = await addMember(app, owners[0], 'agent');
    const stats = jest.spyOn(app.get(CampaignService), 'stats');
    try {
      const streams = await Promise.all([
        stream(owners[0].auth, id),
        stream(owners[0].auth, id),
        stream(member.auth, id),
      ]);
      expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
      stats.mockClear();
      const started = Date.now();
      await new Promise((r) => setTimeout(r, 3_000));
      const ticks = Math.ceil((Date.now() - started) / 1_000) + 1;
      // Three streams, one read per tick: not three.
      const reads = stats.mock.calls.filter(([campaignId]) => campaignId === id).length;
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(ticks);
    } finally {
      stats.mockRestore();
    }
  });
});
