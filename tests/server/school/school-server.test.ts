/**
 * The school server in-process over real HTTPS and HTTP (startSchool, what `npm run start:school` runs): what
 * it prints, the plain-HTTP front door (set-up page, certificate, profile, redirects), the certificate it
 * serves and its renewal while running when the machine's address changes, and mDNS.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { startSchool, type SchoolServer } from '#server/school/main.ts';
import type { Advertiser } from '#server/school/mdns.ts';

const SCHOOL = 'school.waypoint.test';

function lan(address: string): NodeJS.Dict<NetworkInterfaceInfo[]> {
  return {
    lo: [
      {
        address: '127.0.0.1',
        netmask: '255.0.0.0',
        family: 'IPv4',
        mac: '00:00:00:00:00:00',
        internal: true,
        cidr: null,
      },
    ],
    eth0: [
      { address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: null },
      {
        address: 'fe80::1',
        netmask: 'ffff:ffff:ffff:ffff::',
        family: 'IPv6',
        mac: '02:00:00:00:00:01',
        internal: false,
        cidr: null,
        scopeid: 2,
      },
    ],
  };
}

const running: SchoolServer[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const school of running.splice(0)) await school.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function start(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; address?: () => string; advertiser?: Advertiser } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'waypoint-school-'));
  if (!options.dataDir) folders.push(dataDir);
  const lines: string[] = [];
  const address = options.address ?? (() => '192.168.1.20');
  const school = await startSchool(
    {
      PORT: '0',
      HTTP_PORT: '0',
      HOST: '127.0.0.1',
      SCHOOL_NAME: SCHOOL,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    {
      interfaces: () => lan(address()),
      log: (text) => lines.push(text),
      ...(options.advertiser ? { advertiser: options.advertiser } : {}),
    },
  );
  running.push(school);
  return { school, dataDir, output: () => lines.join('\n') };
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function httpGet(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An HTTPS request that trusts only the school's authority; returns the answer and the certificate served. */
function httpsGet(port: number, path: string, ca: string): Promise<Answer & { certificate: X509Certificate }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, path, ca, servername: SCHOOL, headers: { host: `${SCHOOL}:${port}` }, agent: false },
      (res) => {
        const certificate = new X509Certificate((res.socket as TLSSocket).getPeerX509Certificate()!.raw);
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), certificate }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('npm run start:school', () => {
  it('prints the school address, the address by IP, and a set-up address with a QR code', async () => {
    const { school, output } = await start();
    expect(output()).toContain(`School address:    https://${SCHOOL}:${school.httpsPort}/`);
    expect(output()).toContain(`Also by address:   https://192.168.1.20:${school.httpsPort}/`);
    expect(output()).toContain(`Set up a tablet:   http://192.168.1.20:${school.httpPort}/setup`);
    expect(output()).toMatch(/[▀▄█]{5}/); // the QR code, drawn with block characters
    expect(output()).toContain('A new school certificate authority was made');
    expect(output()).not.toContain('fe80::1'); // a link-local address cannot be opened in a browser
  });

  it('serves the app and its API over HTTPS with a certificate from the school authority', async () => {
    const { school, dataDir } = await start();
    const ca = readFileSync(join(dataDir, 'school-tls', 'ca.crt'), 'utf8');
    const health = await httpsGet(school.httpsPort, '/api/v1/health', ca);
    expect(health.status).toBe(200);
    expect(health.certificate.subjectAltName).toContain(`DNS:${SCHOOL}`);
    expect(health.certificate.subjectAltName).toContain('IP Address:192.168.1.20');
    const setup = await httpsGet(school.httpsPort, '/setup', ca);
    expect(setup.status).toBe(200);
  });

  it('over plain HTTP serves the set-up page and redirects everything else to HTTPS', async () => {
    const { school } = await start();
    const byName = await httpGet(school.httpPort, '/student/abc?tab=path', { host: `${SCHOOL}:${school.httpPort}` });
    expect(byName.status).toBe(302);
    expect(byName.headers.location).toBe(`https://${SCHOOL}:${school.httpsPort}/student/abc?tab=path`);
    const byAddress = await httpGet(school.httpPort, '/', { host: `192.168.1.20:${school.httpPort}` });
    expect(byAddress.headers.location).toBe(`https://192.168.1.20:${school.httpsPort}/`);
    const elsewhere = await httpGet(school.httpPort, '/', { host: 'evil.example' });
    expect(elsewhere.headers.location).toBe(`https://${SCHOOL}:${school.httpsPort}/`);
    const push = await httpGet(school.httpPort, '/api/v1/sync/push', { host: SCHOOL }, 'POST');
    expect(push.status).toBe(307); // the method and body go along
    const api = await httpGet(school.httpPort, '/api/v1/health', { host: SCHOOL });
    expect(api.status).toBe(302); // no app and no API over plain HTTP
  });

  it('serves the set-up page without script, under a strict policy, in English or Spanish', async () => {
    const { school } = await start();
    const english = await httpGet(school.httpPort, '/setup', { host: SCHOOL, 'accept-language': 'en-US,en;q=0.9' });
    expect(english.status).toBe(200);
    expect(english.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(english.headers['content-security-policy']).toContain("default-src 'none'");
    expect(english.headers['content-security-policy']).not.toContain('unsafe-inline');
    const html = english.body.toString();
    expect(html).not.toMatch(/<script|\son\w+=|style="/i);
    expect(html).toContain('<h1>Set up a tablet for Waypoint</h1>');
    for (const part of [
      '/setup/waypoint.mobileconfig',
      '/setup/waypoint-ca.crt',
      'Certificate Trust Settings',
      'Encryption &amp; credentials',
      'chrome://certificate-manager',
      'Devices → Networks → Certificates',
      `https://${SCHOOL}:${school.httpsPort}/`,
      `https://192.168.1.20:${school.httpsPort}/`,
    ]) {
      expect(html).toContain(part);
    }
    expect((html.match(/<svg/g) ?? []).length).toBe(6); // five pictures and the QR code
    const spanish = await httpGet(school.httpPort, '/setup', {
      host: SCHOOL,
      'accept-language': 'es-MX,es;q=0.9,en;q=0.5',
    });
    expect(spanish.body.toString()).toContain('<html lang="es">');
    expect(spanish.body.toString()).toContain('Preparar una tableta para Waypoint');
    const switched = await httpGet(school.httpPort, '/setup?lang=en', { host: SCHOOL, 'accept-language': 'es' });
    expect(switched.body.toString()).toContain('<html lang="en">');
    const css = await httpGet(school.httpPort, '/setup/setup.css', { host: SCHOOL });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('serves the school authority as a certificate file and as an iOS configuration profile', async () => {
    const { school, dataDir } = await start();
    const pem = readFileSync(join(dataDir, 'school-tls', 'ca.crt'), 'utf8');
    const der = new X509Certificate(pem).raw;
    const file = await httpGet(school.httpPort, '/setup/waypoint-ca.crt', { host: SCHOOL });
    expect(file.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(file.body.equals(der)).toBe(true);
    const profile = await httpGet(school.httpPort, '/setup/waypoint.mobileconfig', { host: SCHOOL });
    expect(profile.headers['content-type']).toBe('application/x-apple-aspen-config');
    const plist = profile.body.toString();
    expect(plist).toContain('<string>com.apple.security.root</string>');
    expect(plist).toContain('<string>Configuration</string>');
    const data = /<data>([\s\S]*?)<\/data>/.exec(plist)?.[1]?.replace(/\s/g, '') ?? '';
    expect(Buffer.from(data, 'base64').equals(der)).toBe(true);
    // The same authority gives the same profile identifiers: installing it again replaces it.
    const again = await httpGet(school.httpPort, '/setup/waypoint.mobileconfig', { host: SCHOOL });
    expect(again.body.toString()).toBe(plist);
  });

  it('re-issues its certificate when the address changes, under the same authority, while it runs and at restart', async () => {
    let address = '192.168.1.20';
    const { school, dataDir } = await start({ address: () => address });
    const ca = readFileSync(join(dataDir, 'school-tls', 'ca.crt'), 'utf8');
    const before = await httpsGet(school.httpsPort, '/api/v1/health', ca);

    address = '10.0.0.7';
    const tls = await school.recheckCertificate();
    expect(tls.serverRenewed).toBe('names');
    const after = await httpsGet(school.httpsPort, '/api/v1/health', ca); // the tablets' copy of the authority
    expect(after.status).toBe(200);
    expect(after.certificate.serialNumber).not.toBe(before.certificate.serialNumber);
    expect(after.certificate.subjectAltName).toContain('IP Address:10.0.0.7');
    expect(after.certificate.verify(new X509Certificate(ca).publicKey)).toBe(true);

    await school.close();
    running.splice(running.indexOf(school), 1);
    const restarted = await start({ dataDir, address: () => address });
    expect(restarted.output()).toContain('Tablets that trust this school already need nothing new.');
    expect(readFileSync(join(dataDir, 'school-tls', 'ca.crt'), 'utf8')).toBe(ca);
  });

  it('refuses a SCHOOL_NAME that is not a host name, saying why', async () => {
    await expect(start({ env: { SCHOOL_NAME: 'my school!' } })).rejects.toThrow(
      /SCHOOL_NAME "my school!" is not a host name/,
    );
  });

  it('announces a .local name with mDNS, and no other name', async () => {
    const published: unknown[] = [];
    let destroyed = 0;
    const advertiser: Advertiser = { publish: (options) => published.push(options), destroy: () => (destroyed += 1) };
    const local = await start({ env: { SCHOOL_NAME: 'library-pc.local' }, advertiser });
    expect(published).toEqual([
      {
        name: 'Waypoint library-pc',
        type: 'https',
        port: local.school.httpsPort,
        host: 'library-pc.local',
        txt: { path: '/' },
      },
    ]);
    await local.school.close();
    running.splice(running.indexOf(local.school), 1);
    expect(destroyed).toBe(1);
    await start({ advertiser }); // school.waypoint.test: DNS's business, not mDNS's
    await start({ env: { SCHOOL_NAME: 'gym.local', MDNS: 'off' }, advertiser });
    expect(published).toHaveLength(1);
  });
});
