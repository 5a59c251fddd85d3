import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests by route template, method and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  registers: [metricsRegistry],
});

const latency = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route template and method',
  labelNames: ['method', 'route'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

// Label lookups hash their values on every call; the children are cached per route instead.
const latencyByRoute = new Map<string, ReturnType<typeof latency.labels>>();
const countByRouteAndStatus = new Map<string, ReturnType<typeof requests.labels>>();

/** Records a response under its route template (not its raw URL, which holds ids). */
export function recordHttpMetrics(
  method: string,
  route: string | undefined,
  status: number,
  elapsedMs: number,
): void {
  const label = route ?? 'unmatched';
  const key = `${method} ${label}`;
  let timer = latencyByRoute.get(key);
  if (!timer) latencyByRoute.set(key, (timer = latency.labels(method, label)));
  timer.observe(elapsedMs / 1000);
  const countKey = `${key} ${status}`;
  let counter = countByRouteAndStatus.get(countKey);
  if (!counter)
    countByRouteAndStatus.set(countKey, (counter = requests.labels(method, label, String(status))));
  counter.inc();
}

/** Whether an Authorization header carries the metrics bearer token (constant-time). */
export function carriesMetricsToken(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}
