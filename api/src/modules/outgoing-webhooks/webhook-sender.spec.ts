import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook, WEBHOOK_USER_AGENT } from './webhook-sender';

describe('sending one webhook', () => {
  let server: Server;
  let port: number;
  const received: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];
  let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) =>
    res.writeHead(200).end('ok');

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        answer(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    answer = (_req, res) => res.writeHead(200).end('ok');
  });

  const send = (url: string, allowPrivate: boolean, timeoutMs = 5_000) =>
    sendWebhook({
      url,
      headers: { 'webhook-id': 'msg_1' },
      body: '{"a":1}',
      timeoutMs,
      allowPrivate,
    });

  it('posts the JSON body with its headers and keeps the start of the answer', async () => {
    const result = await send(`http://127.0.0.1:${port}/hook`, true);
    expect(result).toEqual({ statusCode: 200, error: null, snippet: 'ok' });
    expect(received).toHaveLength(1);
    expect(received[0].body).toBe('{"a":1}');
    expect(received[0].headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
      'webhook-id': 'msg_1',
    });
  });

  it.each([
    ['a name that resolves to loopback', () => `http://localhost:${port}/hook`],
    ['a loopback literal', () => `http://127.0.0.1:${port}/hook`],
    ['an IPv4-mapped IPv6 literal', () => `http://[::ffff:127.0.0.1]:${port}/hook`],
  ])('refuses %s unless private targets are allowed, without connecting', async (_name, url) => {
    const result = await send(url(), false);
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/^refused: url points to a loopback/);
    expect(received).toHaveLength(0);
  });

  it('does not follow redirects: a 3xx is a failed attempt', async () => {
    answer = (_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
    const result = await send(`http://127.0.0.1:${port}/hook`, true);
    expect(result).toMatchObject({ statusCode: 302, error: 'HTTP 302' });
    expect(received.map((r) => r.path)).toEqual(['/hook']);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    answer = () => undefined;
    const result = await send(`http://127.0.0.1:${port}/hook`, true, 200);
    expect(result).toEqual({ statusCode: null, error: 'timed out after 200 ms', snippet: null });
  });

  it('reports a refused connection as the error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await send(`http://127.0.0.1:${closedPort}/`, true);
    expect(result.error).toMatch(/^ECONNREFUSED/);
  });
});
