import { randomUUID } from 'node:crypto';
import { createDatabase, startApp } from './lib/app.mjs';
import { api } from './lib/seed.mjs';
const database = await createDatabase('navaia_trace');
const app = await startApp(database.url, {
  SIMULATOR_SPEED: 'fast',
  SIMULATOR_CALL_OUTCOMES: 'answered:1',
  SIMULATOR_CALL_SECONDS: '1',
  NODE_OPTIONS: '--require /tmp/trace-queries.cjs',
});
const base = `http://127.0.0.1:${app.port}`;
const owner = await api(base, 'POST', '/api/v1/auth/register', {
  tenantName: 'T',
  name: 'O',
  email: `t-${randomUUID()}@x.example`,
  password: 'bench password 2026',
});
const token = owner.accessToken;
await api(
  base,
  'PATCH',
  '/api/v1/tenant',
  { callingWindow: { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] } },
  token,
);
const customers = [];
for (let i = 0; i < 3; i++)
  customers.push(
    (
      await api(
        base,
        'POST',
        '/api/v1/customers',
        { firstName: 'A', phone: `+1415555${1000 + i}` },
        token,
      )
    ).id,
  );
const c = await api(
  base,
  'POST',
  '/api/v1/campaigns',
  {
    name: 'c',
    purpose: 'support',
    maxAttempts: 1,
    callingWindow: { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
  },
  token,
);
await api(base, 'POST', `/api/v1/campaigns/${c.id}/recipients`, { customerIds: customers }, token);
(await import('node:fs')).writeFileSync('/tmp/trace-on', '');
await new Promise((r) => setTimeout(r, 500));
await api(base, 'POST', `/api/v1/campaigns/${c.id}/start`, {}, token);
for (;;) {
  const v = await api(base, 'GET', `/api/v1/campaigns/${c.id}`, undefined, token);
  if (v.status === 'completed') break;
  await new Promise((r) => setTimeout(r, 500));
}
await new Promise((r) => setTimeout(r, 3000));
(await import('node:fs')).unlinkSync('/tmp/trace-on');
await new Promise((r) => setTimeout(r, 500));
await app.stop();
await database.drop();
