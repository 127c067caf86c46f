/**
 * Whether the page runs in a secure context (HTTPS, or localhost). Outside one the browser gives no service
 * worker (no offline use, no install), no camera or microphone, no WebCrypto and no Web Locks: the app must
 * say so instead of failing quietly.
 */
export function isSecureContextNow(): boolean {
  return typeof window === 'undefined' || window.isSecureContext !== false;
}

/** The school server's set-up page (server/school): how to make a tablet trust it. */
export const SETUP_PAGE = '/setup';
