import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  addMember,
  createTestApp,
  queryAsTenant,
  registerTenant,
  STRONG_PASSWORD,
} from './support/app';

describe('team and tenant settings', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  describe('members', () => {
    it('an admin adds a member who must change the initial password before anything else', async () => {
      const owner = await registerTenant(app);
      const email = `new-${randomUUID()}@example.com`;
      const created = await http
        .post('/api/v1/users')
        .set(owner.auth)
        .send({ name: 'Nina New', email, role: 'agent', password: 'initial password 42' })
        .expect(201);
      expect(created.body).toMatchObject({ email, role: 'agent', mustChangePassword: true });

      const login = await http
        .post('/api/v1/auth/login')
        .send({ email, password: 'initial password 42' })
        .expect(200);
      const pending = { Authorization: `Bearer ${login.body.accessToken}` };
      await http.get('/api/v1/auth/me').set(pending).expect(200);
      const blocked = await http.get('/api/v1/tenant').set(pending).expect(403);
      expect(blocked.body.code).toBe('password_change_required');

      const wrong = await http
        .post('/api/v1/auth/change-password')
        .set(pending)
        .send({ currentPassword: 'not it at all', newPassword: STRONG_PASSWORD })
        .expect(400);
      expect(wrong.body.details).toContainEqual({
        field: 'currentPassword',
        message: 'currentPassword is incorrect',
      });

      const changed = await http
        .post('/api/v1/auth/change-password')
        .set(pending)
        .send({ currentPassword: 'initial password 42', newPassword: STRONG_PASSWORD })
        .expect(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      await http
        .get('/api/v1/tenant')
        .set({ Authorization: `Bearer ${changed.body.accessToken}` })
        .expect(200);
    });

    it('lists the members of the own tenant only', async () => {
      const a = await registerTenant(app);
      const b = await registerTenant(app);
      const member = await addMember(app, a, 'viewer');
      const list = await http.get('/api/v1/users').set(a.auth).expect(200);
      expect(list.body.data.map((u: { id: string }) => u.id).sort()).toEqual(
        [a.user.id, member.id].sort(),
      );
      const other = await http.get('/api/v1/users').set(b.auth).expect(200);
      expect(other.body.data.map((u: { id: string }) => u.id)).toEqual([b.user.id]);
    });

    it('paginates members with an opaque cursor', async () => {
      const owner = await registerTenant(app);
      for (let i = 0; i < 3; i++) {
        await http
          .post('/api/v1/users')
          .set(owner.auth)
          .send({
            name: `M ${i}`,
            email: `p-${randomUUID()}@example.com`,
            role: 'viewer',
            password: 'initial password 42',
          })
          .expect(201);
      }
      const first = await http.get('/api/v1/users?limit=3').set(owner.auth).expect(200);
      expect(first.body.data).toHaveLength(3);
      const second = await http
        .get(`/api/v1/users?limit=3&cursor=${first.body.nextCursor}`)
        .set(owner.auth)
        .expect(200);
      expect(second.body.data).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      await http.get('/api/v1/users?limit=0').set(owner.auth).expect(400);
      await http.get('/api/v1/users?limit=101').set(owner.auth).expect(400);
      await http.get('/api/v1/users?cursor=garbage').set(owner.auth).expect(400);
    });

    it('should not show, change or remove a member of another tenant (404)', async () => {
      const a = await registerTenant(app);
      const b = await registerTenant(app);
      const member = await addMember(app, a, 'agent');
      await http.get(`/api/v1/users/${member.id}`).set(b.auth).expect(404);
      await http
        .patch(`/api/v1/users/${member.id}`)
        .set(b.auth)
        .send({ role: 'viewer' })
        .expect(404);
      await http.delete(`/api/v1/users/${member.id}`).set(b.auth).expect(404);
      await http.get(`/api/v1/users/${member.id}`).set(a.auth).expect(200);
    });

    it('answers 409 when the email is taken, and 400 with fields for bad input', async () => {
      const owner = await registerTenant(app);
      const dup = await http
        .post('/api/v1/users')
        .set(owner.auth)
        .send({
          name: 'Dup',
          email: owner.user.email,
          role: 'agent',
          password: 'initial password 42',
        })
        .expect(409);
      expect(dup.body.code).toBe('email_taken');
      const bad = await http
        .post('/api/v1/users')
        .set(owner.auth)
        .send({ name: '', email: 'nope', role: 'king', password: 'x' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['name', 'email', 'role', 'password']),
      );
      await http
        .post('/api/v1/users')
        .set(owner.auth)
        .send({
          name: 'Sneaky',
          email: `s-${randomUUID()}@example.com`,
          role: 'agent',
          password: 'initial password 42',
          tenantId: randomUUID(),
        })
        .expect(400);
    });

    it('keeps roles in order: agents and viewers cannot manage the team; admins cannot touch owners', async () => {
      const owner = await registerTenant(app);
      const agent = await addMember(app, owner, 'agent');
      const admin = await addMember(app, owner, 'admin');
      await http.get('/api/v1/users').set(agent.auth).expect(403);
      await http
        .post('/api/v1/users')
        .set(agent.auth)
        .send({
          name: 'X',
          email: `x-${randomUUID()}@example.com`,
          role: 'viewer',
          password: 'initial password 42',
        })
        .expect(403);
      await http
        .patch(`/api/v1/users/${owner.user.id}`)
        .set(admin.auth)
        .send({ role: 'viewer' })
        .expect(403);
      await http.delete(`/api/v1/users/${owner.user.id}`).set(admin.auth).expect(403);
      await http
        .post('/api/v1/users')
        .set(admin.auth)
        .send({
          name: 'Boss',
          email: `b-${randomUUID()}@example.com`,
          role: 'owner',
          password: 'initial password 42',
        })
        .expect(403);
      const promoted = await http
        .patch(`/api/v1/users/${agent.id}`)
        .set(admin.auth)
        .send({ role: 'viewer' })
        .expect(200);
      expect(promoted.body.role).toBe('viewer');
    });

    it('never leaves a tenant without an owner, and nobody removes themselves', async () => {
      const owner = await registerTenant(app);
      const admin = await addMember(app, owner, 'admin');
      await http.delete(`/api/v1/users/${owner.user.id}`).set(owner.auth).expect(409);
      await http
        .patch(`/api/v1/users/${owner.user.id}`)
        .set(owner.auth)
        .send({ role: 'admin' })
        .expect(409);
      await http.delete(`/api/v1/users/${admin.id}`).set(owner.auth).expect(204);
      await http.get(`/api/v1/users/${admin.id}`).set(owner.auth).expect(404);
    });

    it('writes an audit row for each change to the team', async () => {
      const owner = await registerTenant(app);
      const member = await addMember(app, owner, 'agent');
      await http
        .patch(`/api/v1/users/${member.id}`)
        .set(owner.auth)
        .send({ name: 'Renamed' })
        .expect(200);
      const rows = await queryAsTenant(
        app,
        owner.tenant.id,
        `SELECT action, entity_type, actor_id, before->>'name' AS before_name, after->>'name' AS after_name
           FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [member.id],
      );
      expect(rows).toEqual([
        {
          action: 'create',
          entity_type: 'user',
          actor_id: owner.user.id,
          before_name: null,
          after_name: 'Member agent',
        },
        {
          action: 'login',
          entity_type: 'user',
          actor_id: member.id,
          before_name: null,
          after_name: null,
        },
        {
          action: 'password_change',
          entity_type: 'user',
          actor_id: member.id,
          before_name: null,
          after_name: null,
        },
        {
          action: 'update',
          entity_type: 'user',
          actor_id: owner.user.id,
          before_name: 'Member agent',
          after_name: 'Renamed',
        },
      ]);
      const passwords = await queryAsTenant(
        app,
        owner.tenant.id,
        `SELECT count(*)::int AS n FROM audit_log WHERE after::text ILIKE '%password%hash%' OR after ? 'passwordHash'`,
      );
      expect(passwords).toEqual([{ n: 0 }]);
    });
  });

  describe('tenant settings', () => {
    it('an admin changes settings; nested objects merge', async () => {
      const owner = await registerTenant(app);
      const res = await http
        .patch('/api/v1/tenant')
        .set(owner.auth)
        .send({
          timezone: 'Europe/Berlin',
          defaultCountry: 'DE',
          limits: { callsPerSecond: 3 },
          voice: { agents: { support: 'agent_123' } },
          telephony: { fromNumber: '+4930123456' },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        timezone: 'Europe/Berlin',
        defaultCountry: 'DE',
        limits: { callsPerSecond: 3, maxConcurrentCalls: 5, dailyCallCap: 1000 },
        voice: { agents: { support: 'agent_123' } },
        telephony: { fromNumber: '+4930123456' },
        callingWindow: { start: '08:00', end: '21:00' },
      });
      const again = await http.get('/api/v1/tenant').set(owner.auth).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('rejects invalid settings with the field at fault, and unknown fields', async () => {
      const owner = await registerTenant(app);
      const res = await http
        .patch('/api/v1/tenant')
        .set(owner.auth)
        .send({ timezone: 'Nowhere/City', limits: { callsPerSecond: 0 } })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
        'timezone',
        'limits.callsPerSecond',
      ]);
      await http.patch('/api/v1/tenant').set(owner.auth).send({ id: owner.tenant.id }).expect(400);
    });

    it('clears an optional setting sent as null, and refuses null for required ones', async () => {
      const owner = await registerTenant(app);
      await http
        .patch('/api/v1/tenant')
        .set(owner.auth)
        .send({
          telephony: { fromNumber: '+14155550100' },
          voice: { agents: { sales: 'agent_s' } },
        })
        .expect(200);
      const cleared = await http
        .patch('/api/v1/tenant')
        .set(owner.auth)
        .send({ telephony: { fromNumber: null }, voice: { agents: { sales: null } } })
        .expect(200);
      expect(cleared.body.telephony).toEqual({});
      expect(cleared.body.voice.agents).toEqual({});
      const res = await http
        .patch('/api/v1/tenant')
        .set(owner.auth)
        .send({ name: null, limits: { maxConcurrentCalls: null } })
        .expect(400);
      expect([...new Set(res.body.details.map((d: { field: string }) => d.field))]).toEqual([
        'name',
        'limits.maxConcurrentCalls',
      ]);
    });

    it('viewers and agents read settings but cannot change them', async () => {
      const owner = await registerTenant(app);
      for (const role of ['viewer', 'agent']) {
        const member = await addMember(app, owner, role);
        await http.get('/api/v1/tenant').set(member.auth).expect(200);
        await http.patch('/api/v1/tenant').set(member.auth).send({ name: 'Hacked' }).expect(403);
      }
    });

    it('should not let a tenant claim another tenant’s agent, phone number id or caller number (409 naming the field)', async () => {
      const a = await registerTenant(app, 'Tenant A');
      const b = await registerTenant(app, 'Tenant B');
      const unique = Date.now().toString().slice(-7);
      const owned = {
        voice: {
          agents: { support: `agent_a_${unique}`, sales: `agent_a_sales_${unique}` },
          phoneNumberId: `phnum_a_${unique}`,
        },
        telephony: { fromNumber: `+1415${unique}` },
      };
      await http.patch('/api/v1/tenant').set(a.auth).send(owned).expect(200);
      const claims: [object, string][] = [
        [{ voice: { agents: { support: owned.voice.agents.support } } }, 'voice.agents.support'],
        // The same agent id under the other purpose is the same agent.
        [{ voice: { agents: { sales: owned.voice.agents.support } } }, 'voice.agents.sales'],
        [{ voice: { phoneNumberId: owned.voice.phoneNumberId } }, 'voice.phoneNumberId'],
        [{ telephony: owned.telephony }, 'telephony.fromNumber'],
      ];
      for (const [body, field] of claims) {
        const res = await http.patch('/api/v1/tenant').set(b.auth).send(body).expect(409);
        expect(res.body).toMatchObject({
          code: 'provider_id_taken',
          details: [{ field, message: 'This identifier is already used by another organisation' }],
        });
      }
      const untouched = await http.get('/api/v1/tenant').set(b.auth).expect(200);
      expect(untouched.body.voice).toEqual({ agents: {} });
      expect(untouched.body.telephony).toEqual({});

      // One agent may serve both purposes of its own tenant; a released id may be taken.
      await http
        .patch('/api/v1/tenant')
        .set(a.auth)
        .send({
          voice: { agents: { sales: owned.voice.agents.support } },
          telephony: { fromNumber: null },
        })
        .expect(200);
      await http
        .patch('/api/v1/tenant')
        .set(b.auth)
        .send({ telephony: owned.telephony })
        .expect(200);
    });

    it('each tenant sees its own settings only', async () => {
      const a = await registerTenant(app, 'Tenant A');
      const b = await registerTenant(app, 'Tenant B');
      await http.patch('/api/v1/tenant').set(b.auth).send({ name: 'B renamed' }).expect(200);
      const res = await http.get('/api/v1/tenant').set(a.auth).expect(200);
      expect(res.body.name).toBe('Tenant A');
    });
  });
});
