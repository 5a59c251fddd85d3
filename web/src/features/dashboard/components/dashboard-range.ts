import { DashboardInterval } from '@navaia/shared';
import { addDays, startOfDayInZone, todayInZone } from '../../../lib/tenant-time';
import type { DashboardPeriod } from '../api/get-dashboard-summary';
import { useSearchParamState } from '../../../lib/use-search-param-state';

export const PRESETS = [
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
] as const;
export type Preset = (typeof PRESETS)[number]['value'] | 'custom';

export interface DashboardRange {
  preset: Preset;
  /** Calendar days in the tenant's zone, both included. */
  firstDay: string;
  lastDay: string;
  interval: DashboardInterval;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function daysIn({ firstDay, lastDay }: Pick<DashboardRange, 'firstDay' | 'lastDay'>) {
  return Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000) + 1;
}

/** Whole days in the tenant's zone: from the first day's midnight to the midnight after the last. */
export function toPeriod(range: DashboardRange, zone: string): DashboardPeriod {
  return {
    from: startOfDayInZone(range.firstDay, zone),
    to: startOfDayInZone(addDays(range.lastDay, 1), zone),
  };
}

/** Days up to about six weeks, weeks beyond, unless the user chose. */
const defaultInterval = (days: number) =>
  days <= 45 ? DashboardInterval.Day : DashboardInterval.Week;

/** The range lives in the address (`?range=7d`, or `?from=…&to=…`), so it survives a reload. */
export function useDashboardRange(zone: string) {
  const [params, update] = useSearchParamState();
  const today = todayInZone(zone);
  const from = params.get('from');
  const to = params.get('to');
  const custom = from && to && DAY.test(from) && DAY.test(to) && from <= to;
  const preset = PRESETS.find((p) => p.value === params.get('range')) ?? PRESETS[1];
  const firstDay = custom ? from : addDays(today, -(preset.days - 1));
  const lastDay = custom ? to : today;
  const chosen = params.get('interval');
  const range: DashboardRange = {
    preset: custom ? 'custom' : preset.value,
    firstDay,
    lastDay,
    interval:
      chosen === DashboardInterval.Week || chosen === DashboardInterval.Day
        ? chosen
        : defaultInterval(daysIn({ firstDay, lastDay })),
  };

  return {
    range,
    choosePreset: (value: Exclude<Preset, 'custom'>) =>
      update({ range: value === '30d' ? null : value, from: null, to: null, interval: null }),
    chooseDays: (first: string, last: string) =>
      update({ range: null, from: first, to: last, interval: null }),
    chooseInterval: (interval: DashboardInterval) => update({ interval }),
  };
}
