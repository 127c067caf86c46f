/**
 * The names a tablet may use to reach the school server: a stable host name (by default the machine's mDNS
 * `.local` name), the machine's LAN addresses, and localhost for the machine itself.
 */
import { isIP } from 'node:net';
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { normalizeAddress, type CertifiedNames } from './certificates.ts';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * The machine's LAN addresses, IPv4 and IPv6. Loopback is added separately; IPv6 link-local addresses
 * (fe80::) are left out, since a browser cannot open a URL that needs an interface's zone id.
 */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): string[] {
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => !info.internal)
    .filter((info) => !(info.family === 'IPv6' && /^fe[89ab]/i.test(info.address)))
    .map((info) => normalizeAddress(info.address));
  return [...new Set(found)];
}

/** `<host>.local`, the name mDNS (Bonjour, Avahi) answers on the LAN: the machine's first label, DNS-safe. */
export function defaultSchoolName(machineName: string = hostname()): string {
  const label =
    (machineName.split('.')[0] ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63) || 'waypoint';
  return `${label}.local`;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** SCHOOL_NAME checked: a host name (or an IP address), lower case; an error message names what is wrong. */
export function parseSchoolName(value: string): string {
  const name = value.trim().toLowerCase().replace(/\.$/, '');
  if (isIP(name) || HOST_NAME.test(name)) return name;
  throw new Error(`SCHOOL_NAME "${value}" is not a host name (letters, digits, hyphens and dots, e.g. waypoint.local)`);
}

export function isMdnsName(name: string): boolean {
  return name.endsWith('.local');
}

/** Everything the server certificate covers: the school name, localhost, the LAN and loopback addresses. */
export function namesToCertify(schoolName: string, addresses: readonly string[]): CertifiedNames {
  const hostNames = isIP(schoolName) ? [] : [schoolName];
  const extra = isIP(schoolName) ? [normalizeAddress(schoolName)] : [];
  return {
    hostNames: [...new Set([...hostNames, 'localhost'])],
    addresses: [...new Set([...extra, ...addresses.map(normalizeAddress), '127.0.0.1', '::1'])],
  };
}
