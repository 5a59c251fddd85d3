import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp, registerTenant } from './support/app';

describe('operations and error handling', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
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
    const res = await http.get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/users\/:id",status_code="404"\} \d+/,
    );
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health"\}/,
    );
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
  });
});
