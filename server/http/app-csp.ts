/**
 * The app's Content-Security-Policy: no script but the app's own files (no inline script, no eval), styles
 * from its own stylesheets, photos and voice from the app and from `blob:` object URLs, and requests to
 * its own server (or a school server the teacher names, always HTTPS). A stored attachment can therefore
 * never run script in the app's origin, however it is opened: a `blob:` document inherits this policy.
 *
 * Sent as a header with the app's HTML (server/http/app.ts) and written into the built index.html as a
 * <meta> (vite.config.ts), so the app carries it however it is served, offline from the service worker too.
 * The <meta> cannot say `frame-ancestors`; the header adds it.
 */
import { createHash } from 'node:crypto';

/**
 * The only inline styles the app writes: the family report's print page size (`pageRule` in
 * src/features/family/paper-size.ts, A4 or Letter), allowed by their hashes, not by 'unsafe-inline'.
 */
export const INLINE_PAGE_RULES: readonly string[] = [
  '@media print { @page { size: A4 portrait; margin: 12mm; } }',
  '@media print { @page { size: letter portrait; margin: 12mm; } }',
];

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${INLINE_PAGE_RULES.map(sha256).join(' ')}`,
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** For the <meta http-equiv> in index.html. */
export const APP_CSP_META = DIRECTIVES.join('; ');

/** For the Content-Security-Policy header of the app's HTML. */
export const APP_CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
