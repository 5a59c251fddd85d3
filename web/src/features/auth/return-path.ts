/** Where to go after signing in: the page the guard turned the user away from, if any. */
export function returnPathFrom(state: unknown, fallback = '/'): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only same-app paths; `//host` would leave the app.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')
    ? from
    : fallback;
}
