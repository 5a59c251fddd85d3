import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverSimulatedWebhook } from './simulator-webhooks';

/** A receiver on 127.0.0.1 that answers the given statuses in turn (the last one repeats). */
async function receiver(
  statuses: number[],
): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.statusCode = statuses[Math.min(bodies.length, statuses.length) - 1];
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, server };
}

const REQUEST = () => ({ headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
const serverError = (status: number) => status >= 500;

describe('deliverSimulatedWebhook', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('should deliver the same body again while the receiver answers a redelivered status', async () => {
    const hook = await receiver([503, 502, 200]);
    server = hook.server;
    const response = await deliverSimulatedWebhook(hook.url, REQUEST, serverError);
    expect(response.status).toBe(200);
    expect(hook.bodies).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
  }, 15_000);

  it('should not deliver again an answer the rule does not redeliver', async () => {
    const hook = await receiver([400]);
    server = hook.server;
    const response = await deliverSimulatedWebhook(hook.url, REQUEST, serverError);
    expect(response.status).toBe(400);
    expect(hook.bodies).toHaveLength(1);
  });
});
