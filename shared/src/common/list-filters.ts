/**
 * class-transformer helper for comma-separated filters (`?status=open,in_progress`):
 * a list of trimmed values, empty ones dropped.
 */
export const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
      : value;
