import helmet from 'helmet';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * CSP sources for the inline scripts of a page (`'sha256-…'`): the page can keep them
 * while script-src refuses every other inline script, such as one an injection would add.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, code]) => code.trim())
    .map(([, code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
}

const CSP = (scriptHashes: string[]) => ({
  directives: {
    defaultSrc: ["'self'"],
    // Mantine and the API docs page inject inline styles.
    styleSrc: ["'self'", "'unsafe-inline'"],
    // No 'unsafe-inline': the SPA and the API docs load their scripts from files; any
    // inline script the SPA's index.html has is allowed by its hash.
    scriptSrc: ["'self'", ...scriptHashes],
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
});

/**
 * Helmet's headers for documents (the SPA, the API docs), computed once: they do not vary
 * per request (hashes, not nonces), so running helmet per request would only re-derive
 * strings. `spaIndexHtml`: the SPA's built index.html, whose inline scripts are allowed.
 */
export function pageSecurityHeaders(spaIndexHtml = ''): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) =>
      (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  helmet({ contentSecurityPolicy: CSP(inlineScriptHashes(spaIndexHtml)) })(
    {} as IncomingMessage,
    response,
    () => undefined,
  );
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
