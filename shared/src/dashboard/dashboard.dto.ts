import { IsEnum, IsISO8601, IsOptional, Matches } from 'class-validator';

const ISO = { strict: true, strictSeparator: true };

export enum DashboardMetric {
  Calls = 'calls',
  Tickets = 'tickets',
  Bookings = 'bookings',
  Revenue = 'revenue',
}

export enum DashboardInterval {
  Day = 'day',
  Week = 'week',
}

/** A period; defaults to the last 30 days. At most about a year and a half. */
export class DashboardRangeDto {
  @IsOptional()
  @IsISO8601(ISO, { message: 'from must be an ISO-8601 date and time' })
  from?: string;

  @IsOptional()
  @IsISO8601(ISO, { message: 'to must be an ISO-8601 date and time' })
  to?: string;
}

export class DashboardTimeseriesQueryDto extends DashboardRangeDto {
  @IsEnum(DashboardMetric, { message: 'metric must be one of calls, tickets, bookings, revenue' })
  metric!: DashboardMetric;

  @IsOptional()
  @IsEnum(DashboardInterval, { message: 'interval must be day or week' })
  interval?: DashboardInterval;

  /** For revenue: amounts in this currency (default: the tenant's main currency). */
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code such as USD' })
  currency?: string;
}
