import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CSP = {
  directives: {
    defaultSrc: ["'self'"],
    // Mantine and the API docs page inject inline styles; the docs page an inline script.
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    // Browser conversations talk to ElevenLabs directly.
    connectSrc: [
      "'self'",
      'https://api.elevenlabs.io',
      'wss://api.elevenlabs.io',
      'wss://*.elevenlabs.io',
    ],
    mediaSrc: ["'self'", 'blob:', 'data:'],
    workerSrc: ["'self'", 'blob:'],
  },
};

/**
 * Helmet's headers for documents (the SPA, the API docs), computed once: they do not vary
 * per request (no nonces), so running helmet per request would only re-derive strings.
 */
export function pageSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) =>
      (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  helmet({ contentSecurityPolicy: CSP })({} as IncomingMessage, response, () => undefined);
  return headers;
}

/**
 * JSON answers are never rendered as documents, so framing and script policies do not
 * apply to them; they must not be sniffed as another type, leak referrers or be cached.
 */
export function apiSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
