let zones: string[] | undefined;

/** IANA zones the browser knows, plus UTC (which the list leaves out) and the current value. */
export function timeZoneOptions(current?: string | null): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
