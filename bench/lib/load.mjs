import autocannon from 'autocannon';

/** Runs autocannon and returns requests/s and latency percentiles in milliseconds. */
export async function load(options) {
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
