// DTOs use class-transformer's @Type, which reads design-time metadata in every runtime.
import 'reflect-metadata';

export * from './common/errors';
export * from './common/pagination';
export * from './common/transforms';
export * from './common/validators';
export * from './auth/roles';
export * from './auth/password-policy';
export * from './auth/password.validator';
export * from './auth/auth.dto';
export * from './auth/auth.types';
export * from './tenant/tenant.types';
export * from './tenant/tenant.dto';
export * from './users/users.dto';
export * from './common/status-machine';
export * from './common/list-filters';
export * from './customers/display-name';
export * from './customers/phone';
export * from './customers/customer.dto';
export * from './customers/customer.types';
export * from './tickets/ticket-status';
export * from './tickets/ticket.dto';
export * from './tickets/ticket.types';
export * from './bookings/booking-status';
export * from './bookings/booking.dto';
export * from './bookings/booking.types';
export * from './dashboard/dashboard.dto';
export * from './dashboard/dashboard.types';
