// GET /api/health through the whole stack vs a bare node:http server, same machine, same run;
// beside it the lightest authenticated route, GET /api/v1/auth/me, which adds the bearer-token
// check, the session-version and rate-limit round trip to Redis and a tenant transaction.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { freePort, root, startApp } from '../lib/app.mjs';
import { load } from '../lib/load.mjs';

export const name = 'framework share';

export async function run({ database, duration }) {
  const barePort = await freePort();
  const bare = fork(join(root, 'bench/lib/bare-server.mjs'), {
    env: { ...process.env, PORT: String(barePort) },
  });
  await new Promise((resolve) => bare.once('message', resolve));
  await load({ url: `http://127.0.0.1:${barePort}/`, duration: 2 }); // warm-up
  const reference = await load({ url: `http://127.0.0.1:${barePort}/`, duration });
  bare.kill();

  const app = await startApp(database.url);
  try {
    await load({ url: `http://127.0.0.1:${app.port}/api/health`, duration: 2 });
    const measured = await load({ url: `http://127.0.0.1:${app.port}/api/health`, duration });
    const ratio = measured.rps / reference.rps;
    const auth = { Authorization: `Bearer ${await signUp(app.port)}` };
    const me = `http://127.0.0.1:${app.port}/api/v1/auth/me`;
    await load({ url: me, headers: auth, duration: 2 });
    const signedIn = await load({ url: me, headers: auth, duration });
    return [
      {
        bench: 'bare node:http',
        metric: 'req/s',
        value: reference.rps.toFixed(0),
        target: '(reference)',
      },
      { bench: 'GET /api/health', metric: 'req/s', value: measured.rps.toFixed(0), target: '' },
      {
        bench: 'GET /api/health',
        metric: 'share of bare',
        value: `${(ratio * 100).toFixed(1)} %`,
        target: '≥ 80 %',
        ok: ratio >= 0.8,
      },
      { bench: 'GET /api/health', metric: 'p99 latency', value: `${measured.p99} ms`, target: '' },
      {
        bench: 'GET /auth/me (signed in)',
        metric: 'req/s',
        value: signedIn.rps.toFixed(0),
        target: '',
      },
      {
        bench: 'GET /auth/me (signed in)',
        metric: 'share of bare',
        value: `${((signedIn.rps / reference.rps) * 100).toFixed(1)} %`,
        target: '',
      },
      {
        bench: 'GET /auth/me (signed in)',
        metric: 'p99 latency',
        value: `${signedIn.p99} ms`,
        target: '',
      },
    ];
  } finally {
    await app.stop();
  }
}

/** A new tenant's owner; answers the access token. */
async function signUp(port) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      tenantName: 'Bench',
      name: 'Bea Bench',
      email: `bench-${Date.now()}@example.com`,
      password: 'correct horse battery staple',
    }),
  });
  if (!res.ok) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}
