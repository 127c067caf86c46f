/**
 * A second teacher on a school server (README "Run it in a school"): the first teacher makes the school from
 * a tablet, after which sign-up is closed; a colleague gets an account from whoever runs the machine with
 * `npm run school:add-teacher` and the server's DATA_DIR, while the server runs, and signs in over HTTPS to
 * the first teacher's class. Also what the server prints: the command, and Fastify's start lines with the
 * scheme each port really speaks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PulledChange, type SessionResponse } from '#protocol';
import { startSchool, type SchoolServer } from '#server/school/main.ts';
import { adminCommand } from '../helpers/admin-cli.ts';

const SCHOOL = 'school.waypoint.test';
const PASSWORD = 'correct horse battery';

const running: SchoolServer[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const school of running.splice(0)) await school.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const lan = (): NodeJS.Dict<NetworkInterfaceInfo[]> => ({
  eth0: [
    {
      address: '192.168.1.20',
      netmask: '255.255.255.0',
      family: 'IPv4',
      mac: '02:00:00:00:00:01',
      internal: false,
      cidr: null,
    },
  ],
});

/** The school server as `npm run start:school` runs it, with what it prints and its JSON log lines. */
async function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-colleague-'));
  folders.push(dataDir);
  const printed: string[] = [];
  const logLines: { msg?: string }[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as { msg?: string });
      done();
    },
  });
  const school = await startSchool(
    { PORT: '0', HTTP_PORT: '0', HOST: '127.0.0.1', SCHOOL_NAME: SCHOOL, DATA_DIR: dataDir, MDNS: 'off' },
    { interfaces: lan, log: (text) => printed.push(text), logStream },
  );
  running.push(school);
  const ca = readFileSync(join(dataDir, 'school-tls', 'ca.crt'), 'utf8');
  return { school, dataDir, ca, printed: () => printed.join('\n'), logLines };
}

/** A JSON call to the school's API over HTTPS, trusting only the school's authority, by the school's name. */
function api<T>(port: number, ca: string, method: string, path: string, body?: unknown, token?: string) {
  return new Promise<{ status: number; body: T }>((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1${path}`,
        method,
        ca,
        servername: SCHOOL,
        agent: false,
        headers: {
          host: `${SCHOOL}:${port}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const root = join(import.meta.dirname, '..', '..', '..');

describe('a second teacher on the school server', () => {
  it('is the recipe README "Run it in a school" gives, with package.json\'s command', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = /## Run it in a school\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    expect(section).toContain('npm run school:add-teacher -- --email');
    expect(section).toContain('tests/server/school/school-colleague.test.ts');
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['school:add-teacher']).toBe('node --import tsx server/admin/cli.ts add-teacher');
  });

  it(
    'gets an account from npm run school:add-teacher with the server’s DATA_DIR, and signs in to the school',
    {
      timeout: 90_000,
    },
    async () => {
      const { school, dataDir, ca, printed } = await start();
      const port = school.httpsPort;
      // What the server prints tells the person at the machine the command, for this data folder.
      expect(printed()).toContain(`DATA_DIR=${dataDir} npm run school:add-teacher -- --email`);

      // The first teacher makes the school from a tablet; then sign-up is closed to everyone else.
      const signUp = {
        email: 'rivera@lakeside.test',
        password: PASSWORD,
        displayName: 'Ms Rivera',
        schoolName: 'Lakeside',
      };
      expect((await api(port, ca, 'POST', '/auth/sign-up', signUp)).status).toBe(202);
      const rivera = (
        await api<SessionResponse>(port, ca, 'POST', '/auth/sign-in', { email: signUp.email, password: PASSWORD })
      ).body;
      const room = await api<{ classId: string }>(port, ca, 'POST', '/classes', { name: 'Room 4' }, rivera.token);
      expect(room.status).toBe(201);
      const second = { ...signUp, email: 'okafor@lakeside.test', displayName: 'Mr Okafor' };
      const refused = await api<{ error: { message: string } }>(port, ca, 'POST', '/auth/sign-up', second);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('gets an account from whoever runs the server');

      // On the machine, while the server runs: no --school, the server's one school is meant.
      const added = await adminCommand(
        { DATA_DIR: dataDir },
        'add-teacher',
        ['--email', 'okafor@lakeside.test', '--name', 'Mr Okafor'],
        'purple tractor lantern\n',
      );
      expect(added.out).toContain('Teacher okafor@lakeside.test added to "Lakeside"');
      expect(added.code).toBe(0);

      const okafor = await api<SessionResponse>(port, ca, 'POST', '/auth/sign-in', {
        email: 'okafor@lakeside.test',
        password: 'purple tractor lantern',
      });
      expect(okafor.status).toBe(200);
      expect(okafor.body.scope).toEqual({ schoolId: rivera.scope.schoolId });
      const pulled = await api<{ changes: PulledChange[] }>(
        port,
        ca,
        'GET',
        '/sync/pull?since=0&limit=1000',
        undefined,
        okafor.body.token,
      );
      expect(pulled.body.changes.map((c) => c.recordId)).toContain(room.body.classId);
    },
  );

  it('says https:// in Fastify’s start line for the HTTPS port, and http:// only for the plain-HTTP one', async () => {
    const { school, logLines } = await start();
    const started = logLines.map((l) => l.msg ?? '').filter((m) => m.startsWith('Server listening at'));
    expect(started).toContain(`Server listening at https://127.0.0.1:${school.httpsPort}`);
    expect(started).toContain(`Server listening at http://127.0.0.1:${school.httpPort}`);
    expect(started).not.toContain(`Server listening at http://127.0.0.1:${school.httpsPort}`);
  });
});
