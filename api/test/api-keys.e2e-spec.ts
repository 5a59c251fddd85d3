import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { ApiKeyView } from '@navaia/shared';
import {
  addMember,
  createTestApp,
  queryAsOwner,
  registerTenant,
  testConfig,
  TestTenant,
} from './support/app';
import { asTestKey, createApiKey } from './support/api-keys';
import { createCustomer } from './support/records';

describe('API keys', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  const listKeys = async (t: TestTenant): Promise<ApiKeyView[]> =>
    (await http.get('/api/v1/api-keys').set(t.auth).expect(200)).body.data;

  describe('creation', () => {
    it('answers the key once, with every scope by default, and never lists it again', async () => {
      const t = await registerTenant(app);
      const res = await http
        .post('/api/v1/api-keys')
        .set(t.auth)
        .send({ name: 'CRM sync' })
        .expect(201);
      expect(res.body).toMatchObject({
        name: 'CRM sync',
        scopes: ['*'],
        status: 'active',
        expiresAt: null,
        lastUsedAt: null,
      });
      expect(res.body.key).toMatch(/^nvk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      expect(res.body.key.startsWith(`nvk_${res.body.prefix}_`)).toBe(true);

      const [listed] = await listKeys(t);
      expect(listed.id).toBe(res.body.id);
      expect(listed.prefix).toBe(res.body.prefix);
      const text = JSON.stringify(listed);
      expect(text).not.toContain(res.body.key);
      expect(listed).not.toHaveProperty('key');
      expect(listed).not.toHaveProperty('keyHash');
    });

    it('stores only a keyed hash of the key', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      const [row] = await queryAsOwner<{ key_hash: string }>(
        'SELECT key_hash FROM api_keys WHERE id = $1',
        [key.id],
      );
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key_hash).not.toContain(key.key.split('_')[2]);
    });

    it('keeps a read beside its write out of the stored scopes', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t, {
        scopes: ['tickets:read', 'customers:read', 'tickets:write'],
      });
      expect(key.scopes).toEqual(['customers:read', 'tickets:write']);
    });

    it('refuses an unknown scope with a 400 naming it', async () => {
      const t = await registerTenant(app);
      const res = await http
        .post('/api/v1/api-keys')
        .set(t.auth)
        .send({ name: 'Bad', scopes: ['customers:read', 'customers:delete'] })
        .expect(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'scopes',
            message: expect.stringContaining('"customers:delete"'),
          }),
        ]),
      );
    });

    it.each([
      [{ name: 'x', scopes: [] }, 'scopes'],
      [{ name: 'x', scopes: 'customers:read' }, 'scopes'],
      [{ name: '' }, 'name'],
      [{ name: 'x', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
    ])('refuses %p naming %s', async (body, field) => {
      const t = await registerTenant(app);
      const res = await http.post('/api/v1/api-keys').set(t.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it.each(['tenantId', 'key', 'prefix', 'keyHash', 'revokedAt', 'graceUntil', 'lastUsedAt'])(
      'refuses the field %s (mass assignment)',
      async (field) => {
        const t = await registerTenant(app);
        const res = await http
          .post('/api/v1/api-keys')
          .set(t.auth)
          .send({ name: 'x', [field]: 'anything' })
          .expect(400);
        expect(res.body.details).toEqual([{ field, message: `${field} is not an accepted field` }]);
      },
    );
  });

  describe('authentication', () => {
    it('reads and writes customers within its scopes', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t, { scopes: ['customers:write'] });
      const created = await http
        .post('/api/v1/customers')
        .set(key.auth)
        .send({ phone: '+14155550111', firstName: 'Ada' })
        .expect(201);
      const list = await http.get('/api/v1/customers').set(key.auth).expect(200);
      expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
      await http
        .patch(`/api/v1/customers/${created.body.id}`)
        .set(key.auth)
        .send({ lastName: 'Lovelace' })
        .expect(200);
    });

    it('answers 403 naming the scope a key lacks', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t, { scopes: ['customers:read'] });
      const write = await http
        .post('/api/v1/customers')
        .set(key.auth)
        .send({ phone: '+14155550112' })
        .expect(403);
      expect(write.body).toMatchObject({
        code: 'missing_scope',
        message: 'This API key lacks the scope customers:write',
        details: { requiredScope: 'customers:write' },
      });
      const tickets = await http.get('/api/v1/tickets').set(key.auth).expect(403);
      expect(tickets.body.message).toContain('tickets:read');
      await http.get('/api/v1/customers').set(key.auth).expect(200);
    });

    it("needs the tickets scope for a customer's tickets, not the customers scope", async () => {
      const t = await registerTenant(app);
      const customer = await createCustomer(app, t);
      const customersOnly = await createApiKey(app, t, { scopes: ['customers:read'] });
      const res = await http
        .get(`/api/v1/customers/${customer.id}/tickets`)
        .set(customersOnly.auth)
        .expect(403);
      expect(res.body.details).toEqual({ requiredScope: 'tickets:read' });
      const ticketsKey = await createApiKey(app, t, { scopes: ['tickets:read'] });
      await http.get(`/api/v1/customers/${customer.id}/tickets`).set(ticketsKey.auth).expect(200);
    });

    it('needs * for settings no scope names', async () => {
      const t = await registerTenant(app);
      const scoped = await createApiKey(app, t, {
        scopes: ['customers:write', 'tickets:write', 'bookings:write'],
      });
      await http.get('/api/v1/tenant').set(scoped.auth).expect(403);
      const all = await createApiKey(app, t);
      await http.get('/api/v1/tenant').set(all.auth).expect(200);
    });

    it.each([
      ['not a key'],
      ['nvk_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
      [''],
    ])('answers 401 for the unknown key %p', async (value) => {
      const res = await http.get('/api/v1/customers').set('X-API-Key', value).expect(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it('answers 401 for a known prefix with the wrong secret', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      const forged = `nvk_${key.prefix}_${'A'.repeat(43)}`;
      await http.get('/api/v1/customers').set('X-API-Key', forged).expect(401);
    });

    it('answers 401 once the key has expired', async () => {
      const t = await registerTenant(app);
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      const key = await createApiKey(app, t, { expiresAt });
      expect(key.expiresAt).toBe(expiresAt);
      await http.get('/api/v1/customers').set(key.auth).expect(200);
      await queryAsOwner(
        `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [key.id],
      );
      await http.get('/api/v1/customers').set(key.auth).expect(401);
      const [listed] = await listKeys(t);
      expect(listed.status).toBe('expired');
    });

    it('records when the key was last used', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      await http.get('/api/v1/customers').set(key.auth).expect(200);
      const [listed] = await listKeys(t);
      expect(listed.lastUsedAt).not.toBeNull();
    });

    it('moves last use at most once a minute', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      const recent = new Date(Date.now() - 10_000).toISOString();
      await queryAsOwner('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [key.id, recent]);
      await http.get('/api/v1/customers').set(key.auth).expect(200);
      const [row] = await queryAsOwner<{ last_used_at: Date }>(
        'SELECT last_used_at FROM api_keys WHERE id = $1',
        [key.id],
      );
      expect(row.last_used_at.toISOString()).toBe(recent);
    });
  });

  describe('what a key may never do', () => {
    it('cannot manage API keys, users or its own session, even with *', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      const attempts = [
        http.get('/api/v1/api-keys').set(key.auth),
        http.post('/api/v1/api-keys').set(key.auth).send({ name: 'Escalation' }),
        http.post(`/api/v1/api-keys/${key.id}/rotate`).set(key.auth).send({}),
        http.delete(`/api/v1/api-keys/${key.id}`).set(key.auth),
        http.get('/api/v1/users').set(key.auth),
        http
          .post('/api/v1/users')
          .set(key.auth)
          .send({
            name: 'New Owner',
            email: 'x@example.com',
            role: 'owner',
            password: 'p'.repeat(16),
          }),
        http.patch(`/api/v1/users/${t.user.id}`).set(key.auth).send({ role: 'viewer' }),
        http.delete(`/api/v1/users/${t.user.id}`).set(key.auth),
        http.get('/api/v1/auth/me').set(key.auth),
      ];
      const answers = await Promise.all(attempts);
      expect(answers.map((res) => [res.status, res.body.code])).toEqual(
        attempts.map(() => [403, 'api_key_not_allowed']),
      );
      const [owner] = await queryAsOwner<{ role: string }>('SELECT role FROM users WHERE id = $1', [
        t.user.id,
      ]);
      expect(owner.role).toBe('owner');
    });

    it('may do what an admin may, but never manage owners', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      // Admins may change settings: so may a key with *.
      await http.patch('/api/v1/tenant').set(key.auth).send({ name: 'Renamed by key' }).expect(200);
      // Owner-only actions stay out of reach: the key is refused before any owner check.
      const owners = await http
        .post('/api/v1/users')
        .set(key.auth)
        .send({ name: 'Owner', email: 'o@example.com', role: 'owner', password: 'p'.repeat(16) })
        .expect(403);
      expect(owners.body.code).toBe('api_key_not_allowed');
    });
  });

  describe('rotation', () => {
    it('keeps the old key working during the grace period, then only the new one', async () => {
      const t = await registerTenant(app);
      const old = await createApiKey(app, t, { scopes: ['customers:read'] });
      const res = await http
        .post(`/api/v1/api-keys/${old.id}/rotate`)
        .set(t.auth)
        .send({})
        .expect(201);
      const next = asTestKey(res.body);
      expect(next.id).not.toBe(old.id);
      expect(next.key).not.toBe(old.key);
      expect(next).toMatchObject({ name: old.name, scopes: old.scopes, status: 'active' });

      await http.get('/api/v1/customers').set(old.auth).expect(200);
      await http.get('/api/v1/customers').set(next.auth).expect(200);

      const keys = await listKeys(t);
      const oldListed = keys.find((k) => k.id === old.id);
      expect(oldListed).toMatchObject({ status: 'rotating', rotatedToId: next.id });
      // The default grace is a day.
      const graceMs = new Date(oldListed!.graceUntil!).getTime() - Date.now();
      expect(graceMs).toBeGreaterThan(23 * 3600_000);
      expect(graceMs).toBeLessThanOrEqual(24 * 3600_000);
      expect(JSON.stringify(keys)).not.toContain(next.key);

      await queryAsOwner(
        `UPDATE api_keys SET grace_until = now() - interval '1 second' WHERE id = $1`,
        [old.id],
      );
      await http.get('/api/v1/customers').set(old.auth).expect(401);
      await http.get('/api/v1/customers').set(next.auth).expect(200);
      expect((await listKeys(t)).find((k) => k.id === old.id)?.status).toBe('rotated');
    });

    it('takes the grace period from the request', async () => {
      const t = await registerTenant(app);
      const old = await createApiKey(app, t);
      const res = await http
        .post(`/api/v1/api-keys/${old.id}/rotate`)
        .set(t.auth)
        .send({ graceSeconds: 0 })
        .expect(201);
      await http.get('/api/v1/customers').set(old.auth).expect(401);
      await http.get('/api/v1/customers').set({ 'X-API-Key': res.body.key }).expect(200);
    });

    it('takes the default grace period from the configuration', async () => {
      const noGrace = await createTestApp({
        apiKeys: { ...testConfig().apiKeys, rotationGraceSeconds: 0 },
      });
      try {
        const t = await registerTenant(noGrace);
        const old = await createApiKey(noGrace, t);
        const res = await request(noGrace.getHttpServer())
          .post(`/api/v1/api-keys/${old.id}/rotate`)
          .set(t.auth)
          .send({})
          .expect(201);
        await http.get('/api/v1/customers').set(old.auth).expect(401);
        await http.get('/api/v1/customers').set({ 'X-API-Key': res.body.key }).expect(200);
      } finally {
        await noGrace.close();
      }
    });

    it.each([
      [{ graceSeconds: -1 }],
      [{ graceSeconds: 8 * 24 * 3600 }],
      [{ graceSeconds: 1.5 }],
      [{ graceSeconds: 60, tenantId: 'x' }],
    ])('refuses the rotation %p', async (body) => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      await http.post(`/api/v1/api-keys/${key.id}/rotate`).set(t.auth).send(body).expect(400);
    });

    it('rotates a key only once, and never a revoked one', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      await http.post(`/api/v1/api-keys/${key.id}/rotate`).set(t.auth).send({}).expect(201);
      const again = await http
        .post(`/api/v1/api-keys/${key.id}/rotate`)
        .set(t.auth)
        .send({})
        .expect(409);
      expect(again.body).toMatchObject({ code: 'api_key_not_active' });
      const other = await createApiKey(app, t);
      await http.delete(`/api/v1/api-keys/${other.id}`).set(t.auth).expect(204);
      await http.post(`/api/v1/api-keys/${other.id}/rotate`).set(t.auth).send({}).expect(409);
    });
  });

  describe('revocation', () => {
    it('stops the key at once', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      await http.get('/api/v1/customers').set(key.auth).expect(200);
      await http.delete(`/api/v1/api-keys/${key.id}`).set(t.auth).expect(204);
      await http.get('/api/v1/customers').set(key.auth).expect(401);
      const [listed] = await listKeys(t);
      expect(listed.status).toBe('revoked');
      expect(listed.revokedAt).not.toBeNull();
      // Revoking again changes nothing.
      await http.delete(`/api/v1/api-keys/${key.id}`).set(t.auth).expect(204);
    });

    it('stops an old key in its grace period too', async () => {
      const t = await registerTenant(app);
      const old = await createApiKey(app, t);
      await http.post(`/api/v1/api-keys/${old.id}/rotate`).set(t.auth).send({}).expect(201);
      await http.delete(`/api/v1/api-keys/${old.id}`).set(t.auth).expect(204);
      await http.get('/api/v1/customers').set(old.auth).expect(401);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const t = await registerTenant(app);
      await http
        .delete('/api/v1/api-keys/01a1fd3b-0000-7000-8000-000000000000')
        .set(t.auth)
        .expect(404);
      await http.delete('/api/v1/api-keys/nope').set(t.auth).expect(400);
    });
  });

  describe('tenant isolation', () => {
    it("does not let another tenant see, rotate or revoke a tenant's key", async () => {
      const a = await registerTenant(app, 'A');
      const b = await registerTenant(app, 'B');
      const key = await createApiKey(app, a);
      expect(await listKeys(b)).toEqual([]);
      const rotate = await http
        .post(`/api/v1/api-keys/${key.id}/rotate`)
        .set(b.auth)
        .send({})
        .expect(404);
      expect(rotate.body.code).toBe('not_found');
      await http.delete(`/api/v1/api-keys/${key.id}`).set(b.auth).expect(404);
      await http.get('/api/v1/customers').set(key.auth).expect(200);
    });

    it("never shows a key another tenant's data", async () => {
      const a = await registerTenant(app, 'A');
      const b = await registerTenant(app, 'B');
      const mine = await createCustomer(app, a);
      const theirs = await createCustomer(app, b);
      const key = await createApiKey(app, a);
      const list = await http.get('/api/v1/customers').set(key.auth).expect(200);
      expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([mine.id]);
      await http.get(`/api/v1/customers/${theirs.id}`).set(key.auth).expect(404);
      await http
        .patch(`/api/v1/customers/${theirs.id}`)
        .set(key.auth)
        .send({ firstName: 'Hijacked' })
        .expect(404);
    });
  });

  describe('roles', () => {
    it.each(['agent', 'viewer'])('refuses every key route to the role %s', async (role) => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      const member = await addMember(app, t, role);
      await http.get('/api/v1/api-keys').set(member.auth).expect(403);
      await http.post('/api/v1/api-keys').set(member.auth).send({ name: 'x' }).expect(403);
      await http.post(`/api/v1/api-keys/${key.id}/rotate`).set(member.auth).send({}).expect(403);
      await http.delete(`/api/v1/api-keys/${key.id}`).set(member.auth).expect(403);
    });

    it('lets an admin manage keys', async () => {
      const t = await registerTenant(app);
      const admin = await addMember(app, t, 'admin');
      const res = await http
        .post('/api/v1/api-keys')
        .set(admin.auth)
        .send({ name: 'By admin' })
        .expect(201);
      await http.delete(`/api/v1/api-keys/${res.body.id}`).set(admin.auth).expect(204);
    });
  });
});
