import { createHash } from 'node:crypto';
import { inlineScriptHashes, pageSecurityHeaders } from './security-headers';

const scriptSrc = (headers: Record<string, string>) =>
  /script-src ([^;]*)/.exec(headers['content-security-policy'])?.[1].split(' ');

describe('document security headers', () => {
  it('allows scripts from the app’s own files only: no inline script without its hash', () => {
    expect(scriptSrc(pageSecurityHeaders())).toEqual(["'self'"]);
  });

  it('allows exactly the inline scripts of the SPA’s index.html, by their SHA-256', () => {
    const inline = 'window.__boot = Date.now();';
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <script>${inline}</script>
      <script type="application/ld+json">{}</script>
    </head><body><div id="root"></div></body></html>`;
    const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([hash(inline), hash('{}')]);
    expect(scriptSrc(pageSecurityHeaders(html))).toEqual(["'self'", hash(inline), hash('{}')]);
  });
});
