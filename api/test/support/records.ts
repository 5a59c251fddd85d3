import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { BookingView, CustomerView, TicketView } from '@navaia/shared';
import type { TestTenant } from './app';

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
