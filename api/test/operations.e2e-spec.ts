import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { inlineScriptHashes } from '../src/common/http/security-headers';
import { createTestApp, registerTenant } from './support/app';

const METRICS_TOKEN = 'metrics-scraper-token-0123456789';

describe('operations and error handling', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp({ metricsToken: METRICS_TOKEN });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('reports liveness and readiness of PostgreSQL and Redis', async () => {
    await http.get('/api/health').expect(200, { status: 'ok' });
    const ready = await http.get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('exposes Prometheus metrics per route template', async () => {
    const tenant = await registerTenant(app);
    await http
      .get('/api/v1/users/01a1fd3b-0000-7000-8000-000000000000')
      .set(tenant.auth)
      .expect(404);
    const res = await http
      .get('/api/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/users\/:id",status_code="404"\} \d+/,
    );
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health"\}/,
    );
  });

  it('serves metrics only for the metrics token, never to users or to anyone when it is unset', async () => {
    const tenant = await registerTenant(app);
    for (const authorization of [undefined, 'Bearer wrong-token', tenant.auth.Authorization]) {
      const res = await (authorization
        ? http.get('/api/metrics').set('Authorization', authorization)
        : http.get('/api/metrics'));
      expect(res.status).toBe(401);
      expect(res.text).not.toContain('http_requests_total');
    }
    const unset = await createTestApp();
    try {
      const res = await request(unset.getHttpServer())
        .get('/api/metrics')
        .set('Authorization', `Bearer ${METRICS_TOKEN}`)
        .expect(403);
      expect(res.body.code).toBe('metrics_disabled');
    } finally {
      await unset.close();
    }
  });

  it('serves an OpenAPI document with both security schemes and the DTO schemas', async () => {
    const res = await http.get('/api/docs-json').expect(200);
    expect(res.body.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      'api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(res.body.paths['/api/v1/auth/login']).toBeDefined();
    expect(res.body.components.schemas.RegisterDto.required).toEqual(
      expect.arrayContaining(['tenantName', 'name', 'email', 'password']),
    );
    await http.get('/api/docs').expect(200);
  });

  it('answers malformed JSON with 400 in the error body', async () => {
    const res = await http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      requestId: expect.any(String),
    });
  });

  it('answers bodies over the limit with 413', async () => {
    const res = await http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers unknown API routes with the 404 error body', async () => {
    const res = await http.get('/api/v1/does-not-exist').expect(404);
    expect(res.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      requestId: expect.any(String),
    });
  });

  it('echoes a caller-supplied request id, and makes one otherwise', async () => {
    const echoed = await http.get('/api/health').set('X-Request-Id', 'trace-42').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-42');
    const made = await http
      .get('/api/health')
      .set('X-Request-Id', 'bad id with spaces')
      .expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f]{12}-[0-9a-z]+$/);
  });

  it('sends security headers and no open CORS', async () => {
    const api = await http.get('/api/health').set('Origin', 'https://evil.example').expect(200);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
    const page = await http.get('/api/docs').expect(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Scripts only from files: the docs page has no inline script the policy would block.
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.text).toContain('<script src=');
    expect(inlineScriptHashes(page.text)).toEqual([]);
  });
});
