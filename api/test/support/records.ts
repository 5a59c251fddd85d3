import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { BookingView, CustomerView, TicketView } from '@navaia/shared';
import { queryAsOwner, type TestTenant } from './app';

let phoneCounter = 0;

/** A customer with a fresh phone number in the tenant. */
export async function createCustomer(
  app: NestFastifyApplication,
  t: TestTenant,
  body: object = {},
): Promise<CustomerView> {
  phoneCounter++;
  const phone = `+1415${String(5550000 + (phoneCounter % 10000)).padStart(7, '0')}`;
  const res = await request(app.getHttpServer())
    .post('/api/v1/customers')
    .set(t.auth)
    .send({ phone, ...body })
    .expect(201);
  return res.body;
}

export async function createTicket(
  app: NestFastifyApplication,
  t: TestTenant,
  body: object,
): Promise<TicketView> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/tickets')
    .set(t.auth)
    .send(body)
    .expect(201);
  return res.body;
}

export async function createBooking(
  app: NestFastifyApplication,
  t: TestTenant,
  body: object,
): Promise<BookingView> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/bookings')
    .set(t.auth)
    .send(body)
    .expect(201);
  return res.body;
}

/**
 * A call a process dialled and then left, as it is when that process stops: open at the
 * provider (`status`), its attempt answered with the provider's SID. Returns the call id.
 */
export async function openCallAtProvider(
  tenantId: string,
  call: { provider: 'twilio' | 'simulator'; status: string; sid: string },
): Promise<string> {
  const [row] = await queryAsOwner<{ id: string }>(
    `INSERT INTO calls (tenant_id, purpose, status, provider, to_number, provider_call_sid, started_at)
     VALUES ($1, 'support', $2, $3, '+14155550123', $4, now()) RETURNING id`,
    [tenantId, call.status, call.provider, call.sid],
  );
  await queryAsOwner(
    `INSERT INTO call_attempts (tenant_id, call_id, provider, state, provider_call_sid, answered_at)
     VALUES ($1, $2, $3, 'sent', $4, now())`,
    [tenantId, row.id, call.provider, call.sid],
  );
  return row.id;
}
