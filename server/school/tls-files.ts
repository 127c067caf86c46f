/**
 * The school's certificates in the data folder (DATA_DIR/school-tls): the authority is made once and kept;
 * the server certificate is re-issued at start when it is missing, near its end, or no longer covers the
 * machine's names. Private keys are written with mode 0600 (the server's user only) in a 0700 folder.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAuthority,
  issueServerCertificate,
  renewalReason,
  type CertificateAndKey,
  type CertifiedNames,
  type RenewalReason,
} from './certificates.ts';

export const TLS_FOLDER = 'school-tls';
const FILES = {
  authorityCertificate: 'ca.crt',
  authorityKey: 'ca.key',
  serverCertificate: 'server.crt',
  serverKey: 'server.key',
} as const;

export interface SchoolTls {
  readonly folder: string;
  readonly authority: CertificateAndKey;
  readonly server: CertificateAndKey;
  /** Whether the authority was made just now (every tablet must install it). */
  readonly authorityCreated: boolean;
  /** Why the server certificate was issued at this start, or null when the kept one was still good. */
  readonly serverRenewed: RenewalReason | null;
}

/** Writes a file whole or not at all; keys are the server user's only. */
function writeAtomically(path: string, contents: string, mode: number) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}

function readPair(folder: string, certificate: string, key: string): CertificateAndKey | null {
  const certificatePath = join(folder, certificate);
  const keyPath = join(folder, key);
  if (!existsSync(certificatePath) || !existsSync(keyPath)) return null;
  // A key copied in by hand with loose permissions is tightened rather than served as it is.
  if ((statSync(keyPath).mode & 0o077) !== 0) chmodSync(keyPath, 0o600);
  return { certificate: readFileSync(certificatePath, 'utf8'), privateKey: readFileSync(keyPath, 'utf8') };
}

function writePair(folder: string, certificate: string, key: string, pair: CertificateAndKey) {
  writeAtomically(join(folder, key), pair.privateKey, 0o600);
  writeAtomically(join(folder, certificate), pair.certificate, 0o644);
}

export async function ensureSchoolTls(options: {
  dataDir: string;
  schoolName: string;
  names: CertifiedNames;
  now: Date;
}): Promise<SchoolTls> {
  const folder = join(options.dataDir, TLS_FOLDER);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);

  let authority = readPair(folder, FILES.authorityCertificate, FILES.authorityKey);
  const authorityCreated = authority === null;
  if (!authority) {
    authority = await createAuthority({ schoolName: options.schoolName, now: options.now });
    writePair(folder, FILES.authorityCertificate, FILES.authorityKey, authority);
  }

  let server = readPair(folder, FILES.serverCertificate, FILES.serverKey);
  const serverRenewed = renewalReason(server, authority, options.names, options.now);
  if (serverRenewed || !server) {
    server = await issueServerCertificate(authority, options.names, options.now);
    writePair(folder, FILES.serverCertificate, FILES.serverKey, server);
  }
  return { folder, authority, server, authorityCreated, serverRenewed };
}
