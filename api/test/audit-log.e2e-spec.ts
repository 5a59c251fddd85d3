import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AuditEntryView } from '@navaia/shared';
import { addMember, createTestApp, registerTenant, TestTenant } from './support/app';
import { createApiKey } from './support/api-keys';
import { createCustomer } from './support/records';

describe('audit log', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  const audit = async (
    auth: Record<string, string>,
    query: Record<string, string | number> = {},
  ): Promise<{ data: AuditEntryView[]; nextCursor: string | null }> =>
    (await http.get('/api/v1/audit-log').query(query).set(auth).expect(200)).body;

  describe('requests made with an API key', () => {
    it('records the change and the request, as the key', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t, { scopes: ['customers:write'] });
      const res = await http
        .post('/api/v1/customers')
        .set(key.auth)
        .send({ phone: '+14155550131', firstName: 'Grace' })
        .expect(201);

      const { data } = await audit(t.auth, { actorType: 'api_key' });
      const request_ = data.find((e) => e.action === 'api_request');
      expect(request_).toMatchObject({
        actorType: 'api_key',
        actorId: key.id,
        actorName: 'Integration',
        entityType: 'request',
        after: {
          method: 'POST',
          path: '/api/v1/customers',
          route: '/api/v1/customers',
          status: 201,
        },
      });
      expect(request_?.requestId).toBe(res.headers['x-request-id']);
      const created = data.find((e) => e.action === 'create');
      expect(created).toMatchObject({
        actorId: key.id,
        entityType: 'customer',
        entityId: res.body.id,
        before: null,
        after: expect.objectContaining({ firstName: 'Grace' }),
      });
    });

    it('records refused writes with their status, and no reads', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t, { scopes: ['customers:read'] });
      await http.get('/api/v1/customers').set(key.auth).expect(200);
      await http
        .post('/api/v1/customers')
        .set(key.auth)
        .send({ phone: '+14155550132' })
        .expect(403);
      await http
        .patch('/api/v1/customers/01a1fd3b-0000-7000-8000-000000000000')
        .set(key.auth)
        .send({ firstName: 'Nobody' })
        .expect(403);

      const { data } = await audit(t.auth, { actorId: key.id });
      expect(data.map((e) => [e.action, e.after?.method, e.after?.status])).toEqual([
        ['api_request', 'PATCH', 403],
        ['api_request', 'POST', 403],
      ]);
    });

    it('never writes the key itself into the trail', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      const rotated = await http
        .post(`/api/v1/api-keys/${key.id}/rotate`)
        .set(t.auth)
        .send({})
        .expect(201);
      await http.post('/api/v1/customers').set(key.auth).send({ phone: '+14155550133' });
      const text = JSON.stringify((await audit(t.auth, { limit: 100 })).data);
      expect(text).not.toContain(key.key);
      expect(text).not.toContain(rotated.body.key);
      // The secret is base64url and may itself hold '_': everything after `nvk_<prefix>_`.
      expect(text).not.toContain(key.key.slice('nvk_'.length + 13));
    });
  });

  describe('key management and settings', () => {
    it('records creating, rotating and revoking a key, by whom', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t, { name: 'Billing' });
      const rotated = await http
        .post(`/api/v1/api-keys/${key.id}/rotate`)
        .set(t.auth)
        .send({ graceSeconds: 60 })
        .expect(201);
      await http.delete(`/api/v1/api-keys/${key.id}`).set(t.auth).expect(204);

      const { data } = await audit(t.auth, { entityType: 'api_key' });
      expect(data.map((e) => [e.action, e.entityId])).toEqual([
        ['revoke', key.id],
        ['create', rotated.body.id],
        ['rotate', key.id],
        ['create', key.id],
      ]);
      for (const entry of data) {
        expect(entry).toMatchObject({
          actorType: 'user',
          actorId: t.user.id,
          actorName: t.user.name,
        });
      }
      const rotation = data.find((e) => e.action === 'rotate');
      expect(rotation?.before).toMatchObject({ status: 'active', graceUntil: null });
      expect(rotation?.after).toMatchObject({ status: 'rotating', rotatedToId: rotated.body.id });
      const revocation = data.find((e) => e.action === 'revoke');
      expect(revocation?.after).toMatchObject({ status: 'revoked' });
    });

    it('records a settings change with before and after', async () => {
      const t = await registerTenant(app, 'Before Ltd');
      await http.patch('/api/v1/tenant').set(t.auth).send({ name: 'After Ltd' }).expect(200);
      const { data } = await audit(t.auth, { entityType: 'tenant', action: 'update' });
      expect(data).toHaveLength(1);
      expect(data[0].before).toMatchObject({ name: 'Before Ltd' });
      expect(data[0].after).toMatchObject({ name: 'After Ltd' });
    });
  });

  describe('filters and pages', () => {
    let t: TestTenant;
    let customerId: string;

    beforeAll(async () => {
      t = await registerTenant(app);
      const customer = await createCustomer(app, t, { firstName: 'Filtered' });
      customerId = customer.id;
      await http
        .patch(`/api/v1/customers/${customerId}`)
        .set(t.auth)
        .send({ lastName: 'Person' })
        .expect(200);
    });

    it('narrows by entity and action', async () => {
      const { data } = await audit(t.auth, { entityType: 'customer', entityId: customerId });
      expect(data.map((e) => e.action)).toEqual(['update', 'create']);
      const updates = await audit(t.auth, { entityId: customerId, action: 'update' });
      expect(updates.data).toHaveLength(1);
      expect(updates.data[0].before).toMatchObject({ lastName: null });
      expect(updates.data[0].after).toMatchObject({ lastName: 'Person' });
      const several = await audit(t.auth, { entityId: customerId, action: 'create,update' });
      expect(several.data).toHaveLength(2);
    });

    it('narrows by actor', async () => {
      const { data } = await audit(t.auth, { actorType: 'user', actorId: t.user.id });
      expect(data.length).toBeGreaterThanOrEqual(3);
      expect(data.every((e) => e.actorId === t.user.id)).toBe(true);
      expect((await audit(t.auth, { actorType: 'api_key' })).data).toEqual([]);
    });

    it('narrows by time, from inclusive and to exclusive', async () => {
      const all = (await audit(t.auth, { limit: 100 })).data;
      const oldest = all[all.length - 1].createdAt;
      expect((await audit(t.auth, { to: oldest })).data).toEqual([]);
      const from = await audit(t.auth, { from: oldest, limit: 100 });
      expect(from.data).toHaveLength(all.length);
      expect(
        (await audit(t.auth, { from: new Date(Date.now() + 60_000).toISOString() })).data,
      ).toEqual([]);
    });

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const all = (await audit(t.auth, { limit: 100 })).data.map((e) => e.id);
      expect(all.length).toBeGreaterThanOrEqual(3);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: AuditEntryView[]; nextCursor: string | null } = await audit(t.auth, {
          limit: 1,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.data.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it.each([
      [{ actorType: 'robot' }, 'actorType'],
      [{ actorId: 'nope' }, 'actorId'],
      [{ action: 'create,explode' }, 'action'],
      [{ from: 'yesterday' }, 'from'],
      [{ entityType: 'DROP TABLE' }, 'entityType'],
      [{ limit: 0 }, 'limit'],
      [{ cursor: 'garbage' }, 'cursor'],
    ])('refuses %p naming %s', async (query, field) => {
      const res = await http.get('/api/v1/audit-log').query(query).set(t.auth).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('access', () => {
    it.each(['agent', 'viewer'])('is refused to the role %s', async (role) => {
      const t = await registerTenant(app);
      const member = await addMember(app, t, role);
      await http.get('/api/v1/audit-log').set(member.auth).expect(403);
    });

    it('is open to admins', async () => {
      const t = await registerTenant(app);
      const admin = await addMember(app, t, 'admin');
      const { data } = await audit(admin.auth, { entityType: 'user' });
      expect(data.some((e) => e.entityId === admin.id && e.action === 'create')).toBe(true);
    });

    it('needs audit:read for an API key', async () => {
      const t = await registerTenant(app);
      const without = await createApiKey(app, t, { scopes: ['customers:write'] });
      const res = await http.get('/api/v1/audit-log').set(without.auth).expect(403);
      expect(res.body.details).toEqual({ requiredScope: 'audit:read' });
      const reader = await createApiKey(app, t, { scopes: ['audit:read'] });
      await http.get('/api/v1/audit-log').set(reader.auth).expect(200);
    });

    it("never shows another tenant's entries", async () => {
      const a = await registerTenant(app, 'A');
      const b = await registerTenant(app, 'B');
      const customer = await createCustomer(app, a);
      expect((await audit(b.auth, { entityId: customer.id })).data).toEqual([]);
      const ownIds = (await audit(b.auth, { limit: 100 })).data.map((e) => e.entityId);
      expect(ownIds).not.toContain(a.user.id);
      expect(ownIds).toContain(b.user.id);
    });
  });
});
