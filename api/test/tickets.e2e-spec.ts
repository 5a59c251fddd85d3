import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { addMember, createTestApp, queryAsTenant, registerTenant } from './support/app';
import { createCustomer, createTicket } from './support/records';

describe('tickets', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('opens tickets with per-tenant numbers, source manual, and the customer’s display name', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const ca = await createCustomer(app, a, { firstName: 'Ada' });
    const cb = await createCustomer(app, b);
    const first = await createTicket(app, a, {
      customerId: ca.id,
      subject: 'Router drops',
      priority: 'high',
    });
    const second = await createTicket(app, a, { customerId: ca.id, subject: 'Invoice wrong' });
    const other = await createTicket(app, b, { customerId: cb.id, subject: 'Hello' });
    expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({
      status: 'open',
      source: 'manual',
      priority: 'high',
      customer: { id: ca.id, displayName: 'Ada' },
    });
    expect(second.priority).toBe('normal');
  });

  it('never repeats a number under concurrent creates', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        http
          .post('/api/v1/tickets')
          .set(t.auth)
          .send({ customerId: c.id, subject: `Concurrent ${i}` }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(created.map((r) => r.body.number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('refuses a customer or assignee of another tenant (404 on the field), and source from the body (400)', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const foreign = await createCustomer(app, b);
    const res = await http
      .post('/api/v1/tickets')
      .set(a.auth)
      .send({ customerId: foreign.id, subject: 'x' })
      .expect(404);
    expect(res.body.details[0].field).toBe('customerId');
    const own = await createCustomer(app, a);
    const assignee = await http
      .post('/api/v1/tickets')
      .set(a.auth)
      .send({ customerId: own.id, subject: 'x', assigneeId: b.user.id })
      .expect(404);
    expect(assignee.body.details[0].field).toBe('assigneeId');
    await http
      .post('/api/v1/tickets')
      .set(a.auth)
      .send({ customerId: own.id, subject: 'x', source: 'voice' })
      .expect(400);
    await http
      .post('/api/v1/tickets')
      .set(a.auth)
      .send({ customerId: own.id, subject: 'x', number: 99 })
      .expect(400);
  });

  it('follows the workflow and answers 409 naming the allowed moves', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const ticket = await createTicket(app, t, { customerId: c.id, subject: 'Workflow' });
    const move = (status: string) =>
      http.patch(`/api/v1/tickets/${ticket.id}`).set(t.auth).send({ status });
    const refused = await move('resolved').expect(409);
    expect(refused.body.message).toBe(
      'A ticket cannot move from open to resolved; allowed: in_progress, closed',
    );
    expect(refused.body.details).toEqual({
      from: 'open',
      to: 'resolved',
      allowed: ['in_progress', 'closed'],
    });
    await move('in_progress').expect(200);
    const resolved = await move('resolved').expect(200);
    expect(resolved.body.resolvedAt).not.toBeNull();
    const reopened = await move('open').expect(200);
    expect(reopened.body.resolvedAt).toBeNull();
    const closed = await move('closed').expect(200);
    expect(closed.body.closedAt).not.toBeNull();
    await move('open').expect(409);
    await move('bogus').expect(400);
  });

  it('edits subject, description, priority and assignee (a member of the tenant)', async () => {
    const t = await registerTenant(app);
    const agent = await addMember(app, t, 'agent');
    const c = await createCustomer(app, t);
    const ticket = await createTicket(app, t, { customerId: c.id, subject: 'Old' });
    const res = await http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({
        subject: 'New',
        description: 'More detail',
        priority: 'urgent',
        assigneeId: agent.id,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      subject: 'New',
      description: 'More detail',
      priority: 'urgent',
      assigneeId: agent.id,
    });
    const unassigned = await http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(t.auth)
      .send({ assigneeId: null })
      .expect(200);
    expect(unassigned.body.assigneeId).toBeNull();
    await http.patch(`/api/v1/tickets/${ticket.id}`).set(t.auth).send({ subject: '' }).expect(400);
  });

  it('filters by status, priority, source, customer and search, newest first', async () => {
    const t = await registerTenant(app);
    const c1 = await createCustomer(app, t);
    const c2 = await createCustomer(app, t);
    const a = await createTicket(app, t, {
      customerId: c1.id,
      subject: 'Printer jam',
      priority: 'low',
    });
    const b = await createTicket(app, t, {
      customerId: c2.id,
      subject: 'Login fails',
      priority: 'urgent',
    });
    const c = await createTicket(app, t, { customerId: c1.id, subject: 'Printer toner' });
    await http
      .patch(`/api/v1/tickets/${b.id}`)
      .set(t.auth)
      .send({ status: 'in_progress' })
      .expect(200);
    const ids = async (query: string) =>
      (await http.get(`/api/v1/tickets?${query}`).set(t.auth).expect(200)).body.data.map(
        (x: { id: string }) => x.id,
      );
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('status=open')).toEqual([c.id, a.id]);
    expect(await ids('status=open,in_progress')).toEqual([c.id, b.id, a.id]);
    expect(await ids('priority=urgent,low')).toEqual([b.id, a.id]);
    expect(await ids('source=voice')).toEqual([]);
    expect(await ids(`customerId=${c1.id}`)).toEqual([c.id, a.id]);
    expect(await ids('search=printer')).toEqual([c.id, a.id]);
    expect(await ids(`search=%23${b.number}`)).toEqual([b.id]);
    const scoped = await http.get(`/api/v1/customers/${c2.id}/tickets`).set(t.auth).expect(200);
    expect(scoped.body.data.map((x: { id: string }) => x.id)).toEqual([b.id]);
    await http.get('/api/v1/tickets?status=nope').set(t.auth).expect(400);
    await http.get('/api/v1/tickets?limit=500').set(t.auth).expect(400);
  });

  it('should not show or change another tenant’s ticket (404), nor list it', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const c = await createCustomer(app, a);
    const ticket = await createTicket(app, a, { customerId: c.id, subject: 'Private matter' });
    await http.get(`/api/v1/tickets/${ticket.id}`).set(b.auth).expect(404);
    await http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(b.auth)
      .send({ status: 'in_progress' })
      .expect(404);
    expect((await http.get('/api/v1/tickets').set(b.auth).expect(200)).body.data).toEqual([]);
  });

  it('lets viewers read but not open or change tickets', async () => {
    const t = await registerTenant(app);
    const viewer = await addMember(app, t, 'viewer');
    const c = await createCustomer(app, t);
    const ticket = await createTicket(app, t, { customerId: c.id, subject: 'Read only' });
    await http.get(`/api/v1/tickets/${ticket.id}`).set(viewer.auth).expect(200);
    await http
      .post('/api/v1/tickets')
      .set(viewer.auth)
      .send({ customerId: c.id, subject: 'No' })
      .expect(403);
    await http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(viewer.auth)
      .send({ status: 'closed' })
      .expect(403);
  });

  it('records who created and changed a ticket, with before and after', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const ticket = await createTicket(app, t, { customerId: c.id, subject: 'Audited' });
    await http
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(t.auth)
      .send({ status: 'in_progress' })
      .expect(200);
    const rows = await queryAsTenant(
      app,
      t.tenant.id,
      `SELECT action, actor_id, before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE entity_type = 'ticket' AND entity_id = $1 ORDER BY id`,
      [ticket.id],
    );
    expect(rows).toEqual([
      { action: 'create', actor_id: t.user.id, before: null, after: 'open' },
      { action: 'update', actor_id: t.user.id, before: 'open', after: 'in_progress' },
    ]);
  });
});
