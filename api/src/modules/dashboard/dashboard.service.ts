import { Injectable } from '@nestjs/common';
import {
  BookingStatus,
  DashboardInterval,
  DashboardMetric,
  DashboardRangeDto,
  DashboardSummary,
  DashboardTimeseries,
  DashboardTimeseriesQueryDto,
  FINAL_CALL_STATUSES,
  TicketStatus,
  CommonErrorCode,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AppException } from '../../common/errors/app.exception';
import { TenantService } from '../tenant/tenant.service';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const METRICS = ['tickets', 'bookings', 'revenue', 'calls', 'call_seconds', 'call_bookings'];

/** A UTC midnight as a `date` literal. */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 550;

interface Range {
  from: Date;
  to: Date;
}

const ratio = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1000) / 1000 : 0;

const zeroes = <K extends string>(keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * KPIs from `activity_counters` (hourly buckets kept by triggers), never from counting the
 * records themselves, so a page view costs the same at a thousand rows or ten million.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
  ) {}

  async summary(query: DashboardRangeDto): Promise<DashboardSummary> {
    const { from, to } = this.range(query);
    // Whole UTC days come from the daily roll-up, the partial days at either end from the
    // hourly counters: a year costs a few hundred rows per key, and the edges stay exact.
    // The bounds are computed here so that each branch is a plain index range scan.
    const fromHour = new Date(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS);
    const firstDay = new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS + DAY_MS);
    const lastDay = new Date(
      Math.max(Math.floor(to.getTime() / DAY_MS) * DAY_MS, firstDay.getTime()),
    );
    const rows: { metric: string; key: string; value: string }[] = await this.db.manager.query(
      `SELECT metric, key, sum(value)::text AS value FROM (
         SELECT metric, key, value FROM activity_daily
          WHERE tenant_id = $1 AND metric = ANY($2) AND day >= $3::date AND day < $4::date
         UNION ALL
         SELECT metric, key, value FROM activity_counters
          WHERE tenant_id = $1 AND metric = ANY($2) AND hour >= $5 AND hour < $6
         UNION ALL
         SELECT metric, key, value FROM activity_counters
          WHERE tenant_id = $1 AND metric = ANY($2) AND hour >= $7 AND hour < $8
       ) parts
       GROUP BY metric, key`,
      [
        this.context.tenantId,
        METRICS,
        isoDay(firstDay),
        isoDay(lastDay),
        fromHour,
        new Date(Math.min(to.getTime(), firstDay.getTime())),
        lastDay,
        to,
      ],
    );
    const tickets = zeroes(Object.values(TicketStatus));
    const bookings = zeroes(Object.values(BookingStatus));
    const revenue: DashboardSummary['revenue'] = [];
    const calls: Record<string, number> = {};
    let callSeconds = 0;
    let callBookings = 0;
    for (const row of rows) {
      const value = Number(row.value);
      if (row.metric === 'calls') calls[row.key] = value;
      if (row.metric === 'call_seconds') callSeconds += value;
      if (row.metric === 'call_bookings') callBookings += value;
      if (row.metric === 'tickets' && row.key in tickets) tickets[row.key as TicketStatus] = value;
      if (row.metric === 'bookings' && row.key in bookings)
        bookings[row.key as BookingStatus] = value;
      if (row.metric === 'revenue' && value !== 0)
        revenue.push({ currency: row.key, amountCents: value });
    }
    revenue.sort((a, b) => b.amountCents - a.amountCents);
    const sum = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    // Answered means a person picked up; voicemail and unanswered calls count as finished.
    const answered = calls.completed ?? 0;
    const finished =
      FINAL_CALL_STATUSES.reduce((n, status) => n + (calls[status] ?? 0), 0) +
      (calls.voicemail ?? 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      calls: {
        total: sum(calls),
        answered,
        answerRate: ratio(answered, finished),
        averageDurationSec: answered ? Math.round(callSeconds / answered) : 0,
      },
      tickets: { total: sum(tickets), byStatus: tickets },
      bookings: { total: sum(bookings), byStatus: bookings },
      revenue,
      callToBookingConversion: ratio(callBookings, answered),
      runningCampaigns: await this.runningCampaigns(),
    };
  }

  async timeseries(query: DashboardTimeseriesQueryDto): Promise<DashboardTimeseries> {
    const { from, to } = this.range(query);
    const interval = query.interval ?? DashboardInterval.Day;
    const { timezone } = await this.tenants.current();
    const currency =
      query.metric === DashboardMetric.Revenue
        ? (query.currency ?? (await this.mainCurrency(from, to)))
        : null;
    // Buckets start at local midnights (or Mondays) of the tenant's time zone; empty ones are 0.
    const rows: { at: Date; value: string }[] = await this.db.manager.query(
      `WITH buckets AS (
         SELECT generate_series(
                  date_trunc($3, $1::timestamptz AT TIME ZONE $4),
                  date_trunc($3, ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $4),
                  ('1 ' || $3)::interval) AS local_start
       ), data AS (
         SELECT date_trunc($3, hour AT TIME ZONE $4) AS local_start, sum(value) AS value
           FROM activity_counters
          WHERE tenant_id = $7 AND metric = $5 AND hour >= date_trunc('hour', $1::timestamptz) AND hour < $2
            AND ($6::text IS NULL OR key = $6)
          GROUP BY 1
       )
       SELECT b.local_start AT TIME ZONE $4 AS at, coalesce(d.value, 0)::text AS value
         FROM buckets b LEFT JOIN data d USING (local_start)
        ORDER BY b.local_start`,
      [from, to, interval, timezone, query.metric, currency, this.context.tenantId],
    );
    return {
      metric: query.metric,
      interval,
      timezone,
      ...(currency ? { currency } : {}),
      points: rows.map((r) => ({ at: new Date(r.at).toISOString(), value: Number(r.value) })),
    };
  }

  /** Campaigns dialing now (a handful of rows per tenant: counted directly). */
  private async runningCampaigns(): Promise<number> {
    const [row]: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM campaigns WHERE tenant_id = $1 AND status = 'running'`,
      [this.context.tenantId],
    );
    return row.n;
  }

  /** The currency with the most revenue in the range (tenants mostly sell in one). */
  private async mainCurrency(from: Date, to: Date): Promise<string> {
    const [row]: { key: string }[] = await this.db.manager.query(
      `SELECT key FROM activity_counters
        WHERE tenant_id = $3 AND metric = 'revenue' AND hour >= date_trunc('hour', $1::timestamptz) AND hour < $2
        GROUP BY key ORDER BY sum(value) DESC LIMIT 1`,
      [from, to, this.context.tenantId],
    );
    return row?.key ?? 'USD';
  }

  private range(query: DashboardRangeDto): Range {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    if (from >= to) {
      throw new AppException(400, CommonErrorCode.ValidationFailed, 'from must be before to', [
        { field: 'from', message: 'from must be before to' },
      ]);
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw new AppException(
        400,
        CommonErrorCode.ValidationFailed,
        `The range may span at most ${MAX_RANGE_DAYS} days`,
        [{ field: 'from', message: `from must be at most ${MAX_RANGE_DAYS} days before to` }],
      );
    }
    return { from, to };
  }
}
