import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BookingStatus, Role, TicketPriority, TicketStatus } from '@navaia/shared';
import { TenantDb } from '../common/database/tenant-db';
import { TenantContext } from '../common/tenancy/tenant-context';
import { BookingService } from '../modules/booking/booking.service';
import { CustomerService } from '../modules/customer/customer.service';
import { TenantService } from '../modules/tenant/tenant.service';
import { UsersService } from '../modules/tenant/users.service';
import { TicketService } from '../modules/ticket/ticket.service';

export const DEMO_LOGIN = { email: 'demo@navaia.dev', password: 'Voice-Portal-2026!' };

const TEAM = [
  { name: 'Sam Agent', email: 'sam@navaia.dev', role: Role.Agent },
  { name: 'Vic Viewer', email: 'vic@navaia.dev', role: Role.Viewer },
];

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Tim',
  'Barbara',
  'Dennis',
  'Radia',
  'Ken',
  'Frances',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Berners-Lee',
  'Liskov',
  'Ritchie',
  'Perlman',
  'Thompson',
  'Allen',
];
const SUBJECTS = [
  'Router drops the connection every evening',
  'Invoice shows the wrong amount',
  'Cannot log in to the customer portal',
  'Delivery arrived damaged',
  'Missed appointment, wants a call back',
  'Question about the cancellation policy',
  'App crashes when uploading a photo',
  'Wants to change the billing address',
];
const SERVICES: [string, number][] = [
  ['Haircut', 3500],
  ['Consultation', 8000],
  ['Massage 60 min', 9500],
  ['Dental check-up', 12000],
  ['Car service', 24900],
];
const TICKET_PATHS: TicketStatus[][] = [
  [],
  [TicketStatus.InProgress],
  [TicketStatus.InProgress, TicketStatus.Resolved],
  [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed],
];
const BOOKING_PATHS: BookingStatus[][] = [
  [],
  [BookingStatus.Confirmed],
  [BookingStatus.Confirmed, BookingStatus.Completed],
  [BookingStatus.Cancelled],
];
const DAY_MS = 24 * 3600_000;

/** Creates the demo tenant with sample records on first start; later starts change nothing. */
export async function seedDemoTenant(app: INestApplicationContext): Promise<typeof DEMO_LOGIN> {
  const logger = new Logger('Seed');
  const dataSource = app.get(DataSource);
  const existing: unknown[] = await dataSource.query('SELECT 1 FROM auth_find_user_by_email($1)', [
    DEMO_LOGIN.email,
  ]);
  if (existing.length) return DEMO_LOGIN;

  const context = app.get(TenantContext);
  const [tenants, users, customers, tickets, bookings, db] = [
    app.get(TenantService),
    app.get(UsersService),
    app.get(CustomerService),
    app.get(TicketService),
    app.get(BookingService),
    app.get(TenantDb),
  ];
  await context.run(() =>
    tenants.create('Navaia Demo', async (tenant) => {
      logger.log('Seeding the demo tenant [1/4]: owner and team');
      const owner = await users.createOwner({ name: 'Demo Owner', ...DEMO_LOGIN });
      context.write('principal', {
        type: 'user',
        id: owner.id,
        tenantId: tenant.id,
        role: Role.Owner,
        mustChangePassword: false,
      });
      for (const member of TEAM)
        await users.create({ ...member, password: `${DEMO_LOGIN.password}-${member.role}` });

      logger.log(`Seeding the demo tenant [2/4]: ${FIRST.length} customers`);
      const people = [];
      for (const [i, firstName] of FIRST.entries()) {
        people.push(
          await customers.create({
            firstName,
            lastName: LAST[i],
            phone: `+1415555${String(1000 + i * 37).padStart(4, '0')}`,
            email: `${firstName.toLowerCase()}@example.com`,
            tags: i % 3 === 0 ? ['vip'] : [],
            doNotCall: i === 7,
          }),
        );
      }

      logger.log('Seeding the demo tenant [3/4]: tickets');
      for (let i = 0; i < 24; i++) {
        const ticket = await tickets.create({
          customerId: people[i % people.length].id,
          subject: SUBJECTS[i % SUBJECTS.length],
          priority: Object.values(TicketPriority)[i % 4],
        });
        for (const status of TICKET_PATHS[i % TICKET_PATHS.length])
          await tickets.update(ticket.id, { status });
      }

      logger.log('Seeding the demo tenant [4/4]: bookings');
      for (let i = 0; i < 20; i++) {
        const [service, amountCents] = SERVICES[i % SERVICES.length];
        const startsAt = new Date(Date.now() + (i - 10) * DAY_MS + (9 + (i % 8)) * 3600_000);
        startsAt.setUTCMinutes(0, 0, 0);
        const booking = await bookings.create({
          customerId: people[(i * 5) % people.length].id,
          service,
          amountCents,
          startsAt: startsAt.toISOString(),
        });
        for (const status of BOOKING_PATHS[i % BOOKING_PATHS.length])
          await bookings.update(booking.id, { status });
      }
      // Spread the sample activity over the past month so the dashboard's charts have a
      // shape; the counter triggers move each record to its new hour.
      for (const table of ['tickets', 'bookings']) {
        await db.manager.query(
          `UPDATE ${table} SET created_at = now() - random() * interval '30 days'`,
        );
      }
    }),
  );
  logger.log('Demo tenant ready');
  return DEMO_LOGIN;
}
