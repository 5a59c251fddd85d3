import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMember, queryAsOwner, registerCallingTenant, TestTenant } from './app';
import { fillPath, Operation } from './openapi';
import { createApiKey } from './api-keys';
import { createBooking, createCustomer, createTicket } from './records';

/**
 * One record of every kind a route can name by id, in a fresh tenant, keyed by the path
 * segment before the id (`/customers/:id` and `/customers/:customerId/tickets` both name a
 * customer). Tests that run over every route of the OpenAPI document (fuzzing, the tenant
 * isolation matrix) take their ids from here: a module whose routes take an id adds a record
 * of its own below.
 */
export interface SeededTenant {
  tenant: TestTenant;
  ids: Record<string, string>;
}

export async function seedTenant(app: NestFastifyApplication): Promise<SeededTenant> {
  const tenant = await registerCallingTenant(app);
  const customer = await createCustomer(app, tenant, { firstName: 'Seeded', tags: ['seed'] });
  const ticket = await createTicket(app, tenant, { customerId: customer.id, subject: 'Seeded' });
  const booking = await createBooking(app, tenant, {
    customerId: customer.id,
    service: 'Seeded',
    startsAt: '2026-12-01T10:00:00+01:00',
  });
  const member = await addMember(app, tenant, 'agent');
  const session = await request(app.getHttpServer())
    .post('/api/v1/voice/sessions')
    .set(tenant.auth)
    .send({ purpose: 'support', customerId: customer.id })
    .expect(201);
  // An inbox event the tenant's webhook delivered and processed (stored as the intake would).
  const [event] = await queryAsOwner<{ id: string }>(
    `INSERT INTO webhook_events (tenant_id, provider, type, external_id, status, payload, voice_session_id)
     VALUES ($1, 'elevenlabs', 'post_call_transcription', $2, 'processed', '{}', $3) RETURNING id`,
    [tenant.tenant.id, `conv_${randomUUID()}`, session.body.session.id],
  );
  // A recording of the session, as the post_call_audio intake stores it.
  const recording = join(mkdtempSync(join(tmpdir(), 'navaia-seed-')), 'conversation.mp3');
  writeFileSync(recording, Buffer.from('ID3 seeded recording'));
  await queryAsOwner(`UPDATE voice_sessions SET audio_path = $2 WHERE id = $1`, [
    session.body.session.id,
    recording,
  ]);
  const http = request(app.getHttpServer());
  // A call, queued (the suites' apps run no worker, so it stays queued).
  const call = await http
    .post(`/api/v1/customers/${customer.id}/call`)
    .set(tenant.auth)
    .send({})
    .expect(202);
  const apiKey = await createApiKey(app, tenant);
  // A name that never resolves passes the address policy on save.
  const endpoint = await http
    .post('/api/v1/webhook-endpoints')
    .set(tenant.auth)
    .send({ url: 'https://hooks.example.invalid/navaia', eventTypes: ['ticket.created'] })
    .expect(201);
  const delivery = await http
    .post(`/api/v1/webhook-endpoints/${endpoint.body.id}/test`)
    .set(tenant.auth)
    .expect(202);
  const campaign = await http
    .post('/api/v1/campaigns')
    .set(tenant.auth)
    .send({ name: 'Seeded', purpose: 'support' })
    .expect(201);
  await http
    .post(`/api/v1/campaigns/${campaign.body.id}/recipients`)
    .set(tenant.auth)
    .send({ customerIds: [customer.id] })
    .expect(200);
  return {
    tenant,
    ids: {
      campaigns: campaign.body.id,
      recipients: customer.id,
      calls: call.body.id,
      'api-keys': apiKey.id,
      'webhook-endpoints': endpoint.body.id,
      deliveries: delivery.body.id,
      customers: customer.id,
      tickets: ticket.id,
      bookings: booking.id,
      users: member.id,
      sessions: session.body.session.id,
      events: event.id,
    },
  };
}

/** The resource a path parameter names: the segment before it. */
export const resourceOf = (route: string, param: string): string => {
  const segments = route.split('/');
  return segments[segments.indexOf(`:${param}`) - 1] ?? '';
};

/** The operation's path with the seeded ids (an empty segment where there is none). */
export const pathWithIds = (op: Operation, ids: Record<string, string>, fallback = '') =>
  fillPath(op.route, (param) => ids[resourceOf(op.route, param)] ?? fallback);
