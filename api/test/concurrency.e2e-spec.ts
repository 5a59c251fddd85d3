import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp, registerTenant, TestTenant } from './support/app';

/** Sends a JSON body in slow pieces, so the handler runs after separate socket reads. */
function slowPatch(port: number, path: string, auth: string, body: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = httpRequest(
      {
        port,
        path,
        method: 'PATCH',
        headers: {
          Authorization: auth,
          'Content-Type': 'application/json',
          'Content-Length': payload.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(payload.subarray(0, 5));
    setTimeout(() => req.end(payload.subarray(5)), 20 + Math.random() * 30);
  });
}

describe('request context isolation', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('keeps every concurrent request on its own principal and tenant, even with bodies read in pieces', async () => {
    const tenants: TestTenant[] = [];
    for (let i = 0; i < 12; i++) tenants.push(await registerTenant(app, `Tenant ${i}`));
    const port = (app.getHttpServer().address() as AddressInfo).port;

    const statuses = await Promise.all(
      tenants.flatMap((t, i) =>
        [0, 1, 2].map((round) =>
          slowPatch(port, '/api/v1/tenant', t.auth.Authorization, {
            name: `Renamed ${i}.${round}`,
          }),
        ),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);

    const http = request(app.getHttpServer());
    for (const [i, t] of tenants.entries()) {
      const res = await http.get('/api/v1/tenant').set(t.auth).expect(200);
      expect(res.body.id).toBe(t.tenant.id);
      expect(res.body.name).toMatch(new RegExp(`^Renamed ${i}\\.[0-2]$`));
    }
  });
});
