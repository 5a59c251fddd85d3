import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { CSV_IMPORT_MAX_ROWS, CSV_IMPORT_MAX_VARIABLES } from '@navaia/shared';
import { createTestApp, registerTenant } from './support/app';

const phone = (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}`;

describe('CSV import limits', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  /** Sends `csv` to the check route and times `/api/health` every 20 ms until it answers. */
  async function healthWhileChecking(auth: Record<string, string>, csv: string) {
    const check = http.post('/api/v1/campaigns/recipients/check').set(auth).send({ csv });
    let answered = false;
    const result = check.then((res) => {
      answered = true;
      return res;
    });
    const latencies: number[] = [];
    await new Promise((r) => setTimeout(r, 20));
    while (!answered) {
      const started = performance.now();
      await http.get('/api/health').expect(200);
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { res: await result, latencies };
  }

  it('refuses more variable columns than the limit with 413 naming it, at once', async () => {
    const t = await registerTenant(app);
    const width = 40_000;
    const header = ['phone', ...Array.from({ length: width }, (_, i) => `v${i}`)].join(',');
    const row = [phone(1), ...Array.from({ length: width }, () => 'x')].join(',');
    const { res, latencies } = await healthWhileChecking(t.auth, `${header}\n${row}\n`);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('csv_too_large');
    expect(res.body.message).toContain(`at most ${CSV_IMPORT_MAX_VARIABLES} variable columns`);
    expect(res.body.message).toContain(`has ${width}`);
    expect(res.body.details[0].field).toBe('csv');
    expect(Math.max(0, ...latencies)).toBeLessThan(500);
  });

  it('refuses more rows than the limit with 413 naming it', async () => {
    const t = await registerTenant(app);
    const rows = Array.from({ length: CSV_IMPORT_MAX_ROWS + 1 }, (_, i) => phone(i));
    const res = await http
      .post('/api/v1/campaigns/recipients/check')
      .set(t.auth)
      .send({ csv: ['phone', ...rows].join('\n') })
      .expect(413);
    expect(res.body.message).toContain(`at most ${CSV_IMPORT_MAX_ROWS} rows`);
  });

  it('answers health checks quickly while a file at the limits is checked', async () => {
    const t = await registerTenant(app);
    const variables = Array.from({ length: CSV_IMPORT_MAX_VARIABLES }, (_, i) => `v${i}`);
    const lines = [['phone', 'first_name', ...variables].join(',')];
    for (let i = 0; i < CSV_IMPORT_MAX_ROWS; i++)
      lines.push([phone(i), `N${i}`, ...variables.map(() => 'a')].join(','));
    const { res, latencies } = await healthWhileChecking(t.auth, lines.join('\n'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: CSV_IMPORT_MAX_ROWS, added: CSV_IMPORT_MAX_ROWS });
    // The check takes a while on its own; health must not wait for it.
    expect(latencies.length).toBeGreaterThan(2);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });

  it('rejects a row whose quote never closes with its line, and reads the rows after it', async () => {
    const t = await registerTenant(app);
    const campaign = await http
      .post('/api/v1/campaigns')
      .set(t.auth)
      .send({ name: 'Quotes', purpose: 'support' })
      .expect(201);
    const csv = [
      'phone,first_name,note',
      `${phone(1)},Maya,"two`,
      'lines"',
      `${phone(2)},"Ola,never closed`,
      `${phone(3)},Kari,fine`,
    ].join('\n');
    const res = await http
      .post(`/api/v1/campaigns/${campaign.body.id}/recipients/import`)
      .set(t.auth)
      .send({ csv })
      .expect(200);
    expect(res.body).toMatchObject({ rows: 3, added: 2 });
    expect(res.body.rejected).toEqual([
      {
        row: 3,
        phone: phone(2),
        reason: 'a quote opened on line 4 is never closed; the row ends with that line',
      },
    ]);
  });
});
