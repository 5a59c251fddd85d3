import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  addMember,
  createTestApp,
  operatorCommand,
  queryAsOwner,
  registerTenant,
} from './support/app';

const UNMATCHED = '/api/v1/webhooks/events?status=unmatched';

describe('platform operators', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('are made only by an explicit grant, never by the email address', async () => {
    const t = await registerTenant(app);
    // Whatever address an admin registers or adds, it grants nothing by itself.
    const member = await addMember(app, t, 'admin');
    await http.get(UNMATCHED).set(t.auth).expect(403);
    await http.get(UNMATCHED).set(member.auth).expect(403);

    expect(await operatorCommand('grant', t.user.email.toUpperCase())).toEqual({
      code: 0,
      output: `${t.user.email} is now a platform operator.`,
    });
    await http.get(UNMATCHED).set(t.auth).expect(200);
    await http.get(UNMATCHED).set(member.auth).expect(403);
    expect((await operatorCommand('list')).output).toContain(
      `${t.user.email} (Olivia Owner), granted by test suite on `,
    );

    expect((await operatorCommand('revoke', t.user.email)).output).toBe(
      `${t.user.email} is no longer a platform operator.`,
    );
    await http.get(UNMATCHED).set(t.auth).expect(403);
  });

  it('audits each grant and revocation in the user’s tenant', async () => {
    const t = await registerTenant(app);
    await operatorCommand('grant', t.user.email);
    await operatorCommand('grant', t.user.email); // no change, no entry
    await operatorCommand('revoke', t.user.email);
    const rows = await queryAsOwner<{ action: string; actor_type: string; after: unknown }>(
      `SELECT action, actor_type, after FROM audit_log
       WHERE tenant_id = $1 AND entity_type = 'platform_operator' ORDER BY created_at, id`,
      [t.tenant.id],
    );
    expect(rows).toEqual([
      {
        action: 'create',
        actor_type: 'system',
        after: { email: t.user.email, by: 'test suite' },
      },
      { action: 'delete', actor_type: 'system', after: null },
    ]);
  });

  it('ends with the user: a removed user’s address registered again grants nothing', async () => {
    const t = await registerTenant(app);
    const member = await addMember(app, t, 'admin');
    await operatorCommand('grant', member.email);
    await http.delete(`/api/v1/users/${member.id}`).set(t.auth).expect(204);
    const again = await http
      .post('/api/v1/auth/register')
      .send({
        tenantName: 'Impostor',
        name: 'Ivan Impostor',
        email: member.email,
        password: 'correct horse battery staple',
      })
      .expect(201);
    await http
      .get(UNMATCHED)
      .set({ Authorization: `Bearer ${again.body.accessToken}` })
      .expect(403);
  });

  it('explains what is wrong instead of granting', async () => {
    expect(await operatorCommand('grant', `nobody-${randomUUID()}@example.com`)).toMatchObject({
      code: 1,
      output: expect.stringMatching(/^No user has the email nobody-.*@example\.com\.$/),
    });
    expect(await operatorCommand('grant')).toEqual({
      code: 1,
      output: "grant needs the user's email",
    });
    expect(await operatorCommand('promote', 'a@example.com')).toEqual({
      code: 1,
      output: 'Unknown command promote; see --help',
    });
    expect((await operatorCommand('--help')).output).toMatch(/^Usage: npm run operator/);
  });
});
