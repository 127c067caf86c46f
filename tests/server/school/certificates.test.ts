/**
 * The school's certificate authority and server certificates: what they cover, that a real TLS client
 * trusting only the authority accepts them, and that renewal keeps the authority (tablets install it once).
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  certifiedNames,
  createAuthority,
  issueServerCertificate,
  renewalReason,
  SERVER_LIFETIME_DAYS,
  type CertificateAndKey,
} from '#server/school/certificates.ts';
import { ensureSchoolTls, TLS_FOLDER } from '#server/school/tls-files.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-02T09:00:00Z');
const NAMES = { hostNames: ['school.waypoint.test', 'localhost'], addresses: ['127.0.0.1', '::1', '192.168.1.20'] };

const servers: Server[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A real HTTPS server with this certificate, and a client that trusts the authority alone. */
async function handshake(server: CertificateAndKey, authority: string, servername: string): Promise<string> {
  const https = createServer({ key: server.privateKey, cert: server.certificate }, (_req, res) => res.end('ok'));
  servers.push(https);
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const { port } = https.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', ca: authority, servername, headers: { host: servername }, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function tempDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-tls-'));
  folders.push(dir);
  return dir;
}

describe('the school certificate authority', () => {
  it('is a long-lived authority that signs only server certificates', async () => {
    const authority = await createAuthority({ schoolName: 'school.waypoint.test', now: NOW });
    const cert = new X509Certificate(authority.certificate);
    expect(cert.ca).toBe(true);
    expect(cert.subject).toContain('Waypoint school school.waypoint.test 2026-03-02');
    expect(new Date(cert.validTo).getTime() - NOW.getTime()).toBeGreaterThan(19 * 365 * DAY);
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it('issues a server certificate for the names and addresses, valid for at most 398 days', async () => {
    const authority = await createAuthority({ schoolName: 'school.waypoint.test', now: NOW });
    const server = await issueServerCertificate(authority, NAMES, NOW);
    const cert = new X509Certificate(server.certificate);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(new X509Certificate(authority.certificate))).toBe(true);
    const days = (new Date(cert.validTo).getTime() - new Date(cert.validFrom).getTime()) / DAY;
    expect(days).toBeLessThanOrEqual(398);
    expect(days).toBe(SERVER_LIFETIME_DAYS + 1);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth, which iOS requires
    expect(certifiedNames(server.certificate)).toEqual({
      hostNames: ['school.waypoint.test', 'localhost'],
      addresses: ['127.0.0.1', '::1', '192.168.1.20'],
    });
  });

  it('is trusted by a real TLS client that trusts the authority alone, by name and by address', async () => {
    const authority = await createAuthority({ schoolName: 'school.waypoint.test', now: new Date() });
    const server = await issueServerCertificate(authority, NAMES, new Date());
    expect(await handshake(server, authority.certificate, 'school.waypoint.test')).toBe('ok');
    const other = await createAuthority({ schoolName: 'elsewhere.local', now: new Date() });
    await expect(handshake(server, other.certificate, 'school.waypoint.test')).rejects.toThrow(/certificate/i);
    await expect(handshake(server, authority.certificate, 'not-the-school.test')).rejects.toThrow(
      /altnames|does not match/i,
    );
  });

  it('says when a server certificate must be issued again', async () => {
    const authority = await createAuthority({ schoolName: 'school.waypoint.test', now: NOW });
    const server = await issueServerCertificate(authority, NAMES, NOW);
    expect(renewalReason(null, authority, NAMES, NOW)).toBe('missing');
    expect(renewalReason(server, authority, NAMES, NOW)).toBeNull();
    // IPv6 spelled another way is the same address.
    expect(renewalReason(server, authority, { ...NAMES, addresses: ['127.0.0.1', '0::1', '192.168.1.20'] }, NOW)).toBe(
      null,
    );
    expect(renewalReason(server, authority, NAMES, new Date(NOW.getTime() + 300 * DAY))).toBeNull();
    expect(renewalReason(server, authority, NAMES, new Date(NOW.getTime() + 370 * DAY))).toBe('expiring');
    expect(renewalReason(server, authority, { ...NAMES, addresses: ['127.0.0.1', '::1', '10.0.0.7'] }, NOW)).toBe(
      'names',
    );
    expect(renewalReason(server, authority, { ...NAMES, hostNames: ['gym.local', 'localhost'] }, NOW)).toBe('names');
    const newAuthority = await createAuthority({ schoolName: 'school.waypoint.test', now: NOW });
    expect(renewalReason(server, newAuthority, NAMES, NOW)).toBe('authority');
  });
});

describe('the certificates in the data folder', () => {
  it('keeps private keys readable by the server user only', async () => {
    const dataDir = tempDataDir();
    const tls = await ensureSchoolTls({ dataDir, schoolName: 'school.waypoint.test', names: NAMES, now: NOW });
    expect(tls.authorityCreated).toBe(true);
    expect(statSync(join(dataDir, TLS_FOLDER)).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, TLS_FOLDER, 'ca.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, TLS_FOLDER, 'server.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, TLS_FOLDER, 'ca.crt'), 'utf8')).toBe(tls.authority.certificate);
  });

  it('re-issues the server certificate near its end and when an address changes, under the same authority', async () => {
    const dataDir = tempDataDir();
    const start = new Date();
    const first = await ensureSchoolTls({ dataDir, schoolName: 'school.waypoint.test', names: NAMES, now: start });
    const again = await ensureSchoolTls({ dataDir, schoolName: 'school.waypoint.test', names: NAMES, now: start });
    expect(again.authorityCreated).toBe(false);
    expect(again.serverRenewed).toBeNull();
    expect(again.server).toEqual(first.server);

    const moved = { ...NAMES, addresses: ['127.0.0.1', '::1', '10.0.0.7'] };
    const afterMove = await ensureSchoolTls({ dataDir, schoolName: 'school.waypoint.test', names: moved, now: start });
    expect(afterMove.serverRenewed).toBe('names');
    expect(afterMove.authority).toEqual(first.authority);
    expect(certifiedNames(afterMove.server.certificate).addresses).toContain('10.0.0.7');

    const nextYear = new Date(start.getTime() + 380 * DAY);
    const renewed = await ensureSchoolTls({ dataDir, schoolName: 'school.waypoint.test', names: moved, now: nextYear });
    expect(renewed.serverRenewed).toBe('expiring');
    expect(renewed.authority).toEqual(first.authority);
    expect(renewed.server.certificate).not.toBe(afterMove.server.certificate);
    expect(new X509Certificate(renewed.server.certificate).validTo).not.toBe(
      new X509Certificate(afterMove.server.certificate).validTo,
    );
    // The tablets' copy of the authority (the file they installed) still verifies the new certificate.
    const installed = readFileSync(join(dataDir, TLS_FOLDER, 'ca.crt'), 'utf8');
    expect(new X509Certificate(renewed.server.certificate).verify(new X509Certificate(installed).publicKey)).toBe(true);
    expect(await handshake(afterMove.server, installed, 'school.waypoint.test')).toBe('ok');
  });
});
