/**
 * The school's own certificate authority and the server certificate it signs, made with @peculiar/x509 on
 * Node's WebCrypto (ECDSA P-256: native, fast to generate, accepted by iPadOS, Android and ChromeOS).
 *
 * The authority is long-lived and installed once on every tablet; the server certificate is short enough for
 * Apple's rules (≤ 398 days) and is re-issued by the same authority whenever it nears its end or the
 * machine's names or addresses change, so tablets never need the authority again.
 */
import 'reflect-metadata';
import { webcrypto, X509Certificate as NodeCertificate, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Twenty years: the one thing every tablet installs by hand should outlive the machine it runs on. */
export const AUTHORITY_LIFETIME_DAYS = 20 * 365;
/** Apple refuses TLS server certificates valid for more than 398 days; a day spare for clock skew. */
export const SERVER_LIFETIME_DAYS = 397;
/** Re-issue this long before the end, so a server restarted now and then never serves an expired one. */
export const RENEW_BEFORE_DAYS = 30;
/** Tablets' clocks run a little behind or ahead; a certificate valid from yesterday is valid for them too. */
const BACKDATE_MS = DAY_MS;

/** A certificate and its private key, both PEM (the key PKCS #8), as Node's TLS and the data folder keep them. */
export interface CertificateAndKey {
  readonly certificate: string;
  readonly privateKey: string;
}

/** What the server certificate must cover: host names (DNS) and IP addresses. */
export interface CertifiedNames {
  readonly hostNames: readonly string[];
  readonly addresses: readonly string[];
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // a positive INTEGER
  return bytes.toString('hex');
}

async function exportPrivateKey(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const pkcs8 = x509.PemConverter.decodeFirst(pem);
  return webcrypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

/** An X.500 name value: commas and the like would change its meaning. */
function safeName(value: string): string {
  return value.replace(/[^\p{L}\p{N} ._()-]/gu, '-').slice(0, 60);
}

export async function createAuthority(options: { schoolName: string; now: Date }): Promise<CertificateAndKey> {
  const keys = await generateKeys();
  const created = options.now.toISOString().slice(0, 10);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    // The name a teacher sees on the tablet's list of certificates: whose it is and when it was made.
    name: `CN=Waypoint school ${safeName(options.schoolName)} ${created}, O=Waypoint`,
    notBefore: new Date(options.now.getTime() - BACKDATE_MS),
    notAfter: new Date(options.now.getTime() + AUTHORITY_LIFETIME_DAYS * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys,
    extensions: [
      // pathLength 0: it signs server certificates only, never another authority.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate: certificate.toString('pem'), privateKey: await exportPrivateKey(keys.privateKey) };
}

export async function issueServerCertificate(
  authority: CertificateAndKey,
  names: CertifiedNames,
  now: Date,
): Promise<CertificateAndKey> {
  const issuer = new x509.X509Certificate(authority.certificate);
  const signingKey = await importPrivateKey(authority.privateKey);
  const keys = await generateKeys();
  const subjectName = names.hostNames[0] ?? names.addresses[0] ?? 'localhost';
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${safeName(subjectName)}`,
    issuer: issuer.subject,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + SERVER_LIFETIME_DAYS * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      // iOS 13+ requires serverAuth in extendedKeyUsage and every name in subjectAltName (not the CN).
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        ...names.hostNames.map((value) => ({ type: 'dns' as const, value })),
        ...names.addresses.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate: certificate.toString('pem'), privateKey: await exportPrivateKey(keys.privateKey) };
}

/** The names and addresses a certificate covers, read from its subjectAltName. */
export function certifiedNames(certificatePem: string): CertifiedNames {
  const alt = new NodeCertificate(certificatePem).subjectAltName ?? '';
  const entries = alt
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hostNames = entries.filter((e) => e.startsWith('DNS:')).map((e) => e.slice(4));
  const addresses = entries.filter((e) => e.startsWith('IP Address:')).map((e) => normalizeAddress(e.slice(11)));
  return { hostNames, addresses };
}

/** One spelling per IP address (Node prints IPv6 in full, upper case), so a set comparison means something. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  if (!trimmed.includes(':')) return trimmed;
  try {
    return new URL(`http://[${trimmed}]/`).hostname.slice(1, -1);
  } catch {
    return trimmed.toLowerCase();
  }
}

export type RenewalReason = 'missing' | 'expiring' | 'names' | 'authority';

/**
 * Why the server certificate must be issued again, or null when it is good: it is missing or unreadable, ends
 * within RENEW_BEFORE_DAYS, does not cover exactly the wanted names and addresses, or was not signed by this
 * authority (the authority was made anew).
 */
export function renewalReason(
  current: CertificateAndKey | null,
  authority: CertificateAndKey,
  wanted: CertifiedNames,
  now: Date,
): RenewalReason | null {
  if (!current) return 'missing';
  let certificate: NodeCertificate;
  try {
    certificate = new NodeCertificate(current.certificate);
  } catch {
    return 'missing';
  }
  const issuer = new NodeCertificate(authority.certificate);
  if (!certificate.checkIssued(issuer) || !certificate.verify(issuer.publicKey)) return 'authority';
  if (new Date(certificate.validTo).getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return 'expiring';
  const has = certifiedNames(current.certificate);
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  const wantedAddresses = wanted.addresses.map(normalizeAddress);
  const wantedHosts = wanted.hostNames.map((name) => name.toLowerCase());
  if (
    !same(
      has.hostNames.map((n) => n.toLowerCase()),
      wantedHosts,
    ) ||
    !same(has.addresses, wantedAddresses)
  ) {
    return 'names';
  }
  return null;
}

/** The authority's certificate as DER bytes (what /setup/waypoint-ca.crt serves and the iOS profile holds). */
export function certificateDer(certificatePem: string): Buffer {
  return Buffer.from(new NodeCertificate(certificatePem).raw);
}

/** SHA-256 fingerprint, colon-separated: what a careful IT person compares on the tablet. */
export function fingerprint(certificatePem: string): string {
  return new NodeCertificate(certificatePem).fingerprint256;
}

export function validTo(certificatePem: string): Date {
  return new Date(new NodeCertificate(certificatePem).validTo);
}
