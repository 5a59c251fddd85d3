import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkLiteralHost, ForbiddenTargetError, guardedLookup } from './webhook-target';

export const WEBHOOK_USER_AGENT = 'Navaia-Webhooks/1.0';
/** How much of the receiver's answer the delivery log keeps. */
const SNIPPET_BYTES = 1024;

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface SendResult {
  statusCode: number | null;
  /** Why there is no 2xx: a network error, a refused address, or the status. */
  error: string | null;
  snippet: string | null;
}

function readSnippet(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // Enough for the log: the rest of a large answer is not worth reading.
      if (size >= SNIPPET_BYTES) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

/**
 * One POST to a receiver. Redirects are not followed (a 3xx is a failed attempt), so an
 * answer cannot steer the request to another host; the whole exchange is bounded by the
 * timeout; non-public addresses are refused after resolution unless the operator allows them.
 */
export function sendWebhook(req: SendRequest): Promise<SendResult> {
  let url: URL;
  try {
    url = new URL(req.url);
    if (!req.allowPrivate) checkLiteralHost(url);
  } catch (error) {
    const message =
      error instanceof ForbiddenTargetError ? `refused: url ${error.message}` : 'invalid url';
    return Promise.resolve({ statusCode: null, error: message, snippet: null });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = Buffer.from(req.body, 'utf8');
  return new Promise((resolve) => {
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: {
          ...req.headers,
          'content-type': 'application/json',
          'content-length': String(payload.length),
          'user-agent': WEBHOOK_USER_AGENT,
        },
        lookup: req.allowPrivate ? undefined : guardedLookup,
        signal: AbortSignal.timeout(req.timeoutMs),
        agent: false,
      },
      (response) => {
        void readSnippet(response).then((snippet) => {
          const statusCode = response.statusCode ?? 0;
          const ok = statusCode >= 200 && statusCode < 300;
          resolve({
            statusCode,
            error: ok ? null : `HTTP ${statusCode}`,
            snippet: snippet || null,
          });
        });
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const message =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `timed out after ${req.timeoutMs} ms`
          : error instanceof ForbiddenTargetError
            ? `refused: url ${error.message}`
            : error.code
              ? `${error.code}: ${error.message}`
              : error.message;
      resolve({ statusCode: null, error: message, snippet: null });
    });
    outgoing.end(payload);
  });
}
