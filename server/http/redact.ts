/** Family links carry their secret in the path; logs must never hold it. */
export function redactUrl(url: string): string {
  return url.replace(/(\/family\/)[^/?#]+/, '$1[redacted]');
}
