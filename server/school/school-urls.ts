/** The addresses the school server prints and the set-up page shows. */
import { isIP } from 'node:net';

function hostPart(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

export function httpsUrl(host: string, port: number): string {
  return `https://${hostPart(host)}${port === 443 ? '' : `:${port}`}/`;
}

export function setupUrl(host: string, port: number): string {
  return `http://${hostPart(host)}${port === 80 ? '' : `:${port}`}/setup`;
}

/** IPv4 first: it is what a person types, and what every network routes. */
export function byFamily(addresses: readonly string[]): string[] {
  return [...addresses].sort((a, b) => isIP(a) - isIP(b));
}
