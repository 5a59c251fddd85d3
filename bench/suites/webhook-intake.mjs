// Signed ElevenLabs post-call webhooks at 50 connections: how many are accepted per second
// (stored in the inbox and queued), and how long until every accepted one has become a
// ticket, with none lost. Each delivery is a different conversation of a phone caller the
// tenant has not seen, so processing creates a customer, a session and a ticket per event.
import { createHmac, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApp } from '../lib/app.mjs';

export const name = 'webhook intake';

const SECRET = 'bench-webhook-secret';
const AGENT = 'agent_bench_support';
const TARGET_ACCEPTED_PER_S = 1500;

function event(conversationId, caller) {
  const start = Math.floor(Date.now() / 1000) - 90;
  return JSON.stringify({
    type: 'post_call_transcription',
    event_timestamp: start + 90,
    data: {
      agent_id: AGENT,
      conversation_id: conversationId,
      status: 'done',
      transcript: [
        { role: 'agent', message: 'Hi, thanks for calling. How can I help?', time_in_call_secs: 0 },
        {
          role: 'user',
          message: 'My router keeps dropping the connection every evening.',
          time_in_call_secs: 4,
        },
      ],
      metadata: {
        start_time_unix_secs: start,
        call_duration_secs: 90,
        phone_call: {
          type: 'twilio',
          direction: 'inbound',
          external_number: caller,
          call_sid: `CA${conversationId}`,
        },
      },
      analysis: {
        transcript_summary: 'Router drops the connection.',
        data_collection_results: {
          intent: { data_collection_id: 'intent', value: 'support' },
          issue_summary: {
            data_collection_id: 'issue_summary',
            value: 'Router drops the connection every evening',
          },
          issue_priority: { data_collection_id: 'issue_priority', value: 'normal' },
        },
      },
      conversation_initiation_client_data: { dynamic_variables: {} },
    },
  });
}

function sign(body) {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v0=${createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')}`;
}

async function register(base) {
  const response = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenantName: 'Intake bench',
      name: 'Bench Owner',
      email: `intake-${randomUUID()}@example.com`,
      password: 'correct horse battery staple',
    }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`register: ${response.status} ${JSON.stringify(body)}`);
  const auth = { authorization: `Bearer ${body.accessToken}`, 'content-type': 'application/json' };
  const patch = await fetch(`${base}/api/v1/tenant`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ voice: { agents: { support: AGENT } } }),
  });
  if (!patch.ok) throw new Error(`tenant: ${patch.status}`);
  return body.tenant.id;
}

export async function run({ database, duration }) {
  // Intake alone first (an http-only process), then a worker drains the inbox: the figures
  // of each role, as they scale separately.
  const env = { ELEVENLABS_WEBHOOK_SECRETS: SECRET, QUEUE_PREFIX: `intake-${process.pid}` };
  const app = await startApp(database.url, { ...env, APP_ROLE: 'http' });
  let worker;
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const base = `http://127.0.0.1:${app.port}`;
    const tenantId = await register(base);
    let n = 0;
    const result = await autocannon({
      url: `${base}/api/v1/webhooks/elevenlabs`,
      connections: 50,
      duration: Math.min(duration, 10),
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            n++;
            const body = event(
              `conv_bench_${process.pid}_${n}`,
              `+1415${String(2000000 + n).padStart(7, '0')}`,
            );
            return {
              ...request,
              body,
              headers: { 'content-type': 'application/json', 'elevenlabs-signature': sign(body) },
            };
          },
        },
      ],
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${result.non2xx} refused, ${result.errors} errors`);
    // Counted in the inbox: answers still in flight when the load stopped were stored too.
    const [{ accepted }] = (
      await db.query(
        `SELECT count(*)::int AS accepted FROM webhook_events WHERE external_id LIKE $1`,
        [`conv_bench_${process.pid}_%`],
      )
    ).rows;
    const acceptedPerSecond = result['2xx'] / result.duration;

    worker = await startApp(database.url, { ...env, APP_ROLE: 'worker' });
    const started = Date.now();
    let processed = 0;
    let tickets = 0;
    while (Date.now() - started < 600_000) {
      const [row] = (
        await db.query(
          `SELECT count(*)::int AS stored, count(*) FILTER (WHERE status = 'processed')::int AS processed,
                  (SELECT count(*)::int FROM tickets WHERE tenant_id = $1 AND source = 'voice') AS tickets
             FROM webhook_events WHERE external_id LIKE 'conv_bench_%'`,
          [tenantId],
        )
      ).rows;
      processed = row.processed;
      tickets = row.tickets;
      if (row.stored >= accepted && processed === row.stored && tickets === row.stored) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - started) / 1000;
    // Deliveries still in flight when the load stopped were stored after the first count.
    const [{ stored }] = (
      await db.query(
        `SELECT count(*)::int AS stored FROM webhook_events WHERE external_id LIKE $1`,
        [`conv_bench_${process.pid}_%`],
      )
    ).rows;
    return [
      {
        bench: 'webhook intake',
        metric: 'accepted/s (50 conn)',
        value: acceptedPerSecond.toFixed(0),
        target: `≥ ${TARGET_ACCEPTED_PER_S}`,
        ok: acceptedPerSecond >= TARGET_ACCEPTED_PER_S,
      },
      {
        bench: 'webhook intake',
        metric: 'p99 accept latency',
        value: `${result.latency.p99} ms`,
        target: '',
      },
      {
        bench: 'webhook intake',
        metric: 'processed into tickets',
        value: `${tickets} of ${stored} by one worker in ${drainSeconds.toFixed(1)} s (${(stored / drainSeconds).toFixed(0)}/s)`,
        target: 'all, none lost',
        ok: tickets === stored && processed === stored,
      },
    ];
  } finally {
    await db.end();
    await worker?.stop();
    await app.stop();
  }
}
