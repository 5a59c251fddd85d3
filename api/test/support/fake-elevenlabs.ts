import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake ElevenLabs API received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
}

export interface ScriptedResponse {
  status?: number;
  body?: unknown;
  /** A body sent as is, not as JSON (register-call answers with TwiML). */
  text?: string;
  headers?: Record<string, string>;
}

/** A function may answer later (a promise), to hold the provider's answer for a while. */
export type Responder =
  ScriptedResponse | ((request: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>);

/**
 * A local stand-in for api.elevenlabs.io: it records every request and answers each route
 * from a script. A route's responses are used in order and the last one repeats, so
 * `on('GET', path, {status: 503}, {status: 200, body})` fails once and then succeeds.
 * Unscripted routes get a 418, which the SDK does not retry, so a missing script fails fast.
 */
export class FakeElevenLabs {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Responder[]>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      this.requests.push(recorded);
      const answer = await this.answer(recorded);
      const json = answer.body === undefined ? '' : JSON.stringify(answer.body);
      const payload = answer.text ?? json;
      res.writeHead(answer.status ?? 200, {
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...answer.headers,
      });
      res.end(payload);
    });
  });
  /** The base URL to hand the SDK, once started. */
  url = '';

  static async start(): Promise<FakeElevenLabs> {
    const fake = new FakeElevenLabs();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    return fake;
  }

  /** Scripts the answers for one method and path (no query string). */
  on(method: string, path: string, ...responses: Responder[]): this {
    this.routes.set(`${method.toUpperCase()} ${path}`, responses);
    return this;
  }

  /** The requests received for one method and path, in order. */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  /** `METHOD /path` of every request, in order: the conversation at a glance. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  reset(): void {
    this.requests.length = 0;
    this.routes.clear();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async answer(request: RecordedRequest): Promise<ScriptedResponse> {
    const queue = this.routes.get(`${request.method} ${request.path}`);
    if (!queue?.length) {
      return {
        status: 418,
        body: { detail: { status: 'unscripted', message: `${request.method} ${request.path}` } },
      };
    }
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    return typeof next === 'function' ? next(request) : next;
  }
}

/**
 * A retryable failure whose Retry-After makes the SDK wait only `ms` instead of its default
 * 1 s, 2 s, 4 s backoff. The SDK reads a number as seconds (so at least 1 s) but an HTTP date
 * as "until then", and JavaScript's Date parses one with milliseconds; the date is taken when
 * the response is sent, so it is never already past.
 */
export function failSoon(status: number, ms = 30): Responder {
  return () => {
    const at = new Date(Date.now() + ms);
    const millis = String(at.getUTCMilliseconds()).padStart(3, '0');
    return {
      status,
      body: { detail: { status: 'try_again', message: `Temporary failure ${status}` } },
      headers: { 'retry-after': at.toUTCString().replace(' GMT', `.${millis} GMT`) },
    };
  };
}
