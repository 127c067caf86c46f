/**
 * `npm run school:add-teacher` and `npm run school:list` (README "Host it for a district"): a district adds
 * a second teacher to a school beside a running production server, on a real SQLite file and a real
 * PostgreSQL database. The colleague signs in over HTTP and, as the role table says of every teacher account
 * (docs/sync-protocol.md, "Roles"), reads and writes the whole school — the first teacher's class, its
 * children and their evidence — and nothing of another school. Refusals change nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatHlc,
  PROTOCOL_VERSION,
  type Change,
  type PulledChange,
  type PushResponse,
  type SessionResponse,
} from '#protocol';
import { adminCommand, adminInProcess, listeningServer, newProductionEnv } from './helpers/admin-cli.ts';
import { storageKinds } from './helpers/databases.ts';

const { kinds } = await storageKinds();
const PASSWORD = 'correct horse battery';
const COLLEAGUE_PASSWORD = 'purple tractor lantern';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const productionEnv = (kind: 'sqlite' | 'postgres') =>
  newProductionEnv(kind, 'add-teacher', (remove) => cleanup.push(remove));

async function listening(env: NodeJS.ProcessEnv) {
  const call = await listeningServer(env, (stop) => cleanup.push(stop));
  const signIn = (email: string, password: string) =>
    call<SessionResponse>('POST', '/auth/sign-in', null, { email, password });
  const pullAll = async (token: string) => {
    const all: PulledChange[] = [];
    let cursor = '0';
    for (;;) {
      const page = await call<{ changes: PulledChange[]; cursor: string; hasMore: boolean }>(
        'GET',
        `/sync/pull?since=${cursor}&limit=1000`,
        token,
      );
      expect(page.status).toBe(200);
      all.push(...page.body.changes);
      cursor = page.body.cursor;
      if (!page.body.hasMore) return all;
    }
  };
  let counter = 0;
  const push = (token: string, device: string, changes: Omit<Change, 'changeId' | 'hlc'>[]) =>
    call<PushResponse>('POST', '/sync/push', token, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: device,
      changes: changes.map((c) => ({
        ...c,
        changeId: `${device}-${(counter += 1)}`,
        hlc: formatHlc({ wallMs: Date.now(), counter }, device),
      })),
    });
  return { call, signIn, pullAll, push };
}

const lakeside = ['--school', 'Lakeside Elementary', '--email', 'rivera@lakeside.test', '--name', 'Ms Rivera'];
const hillside = ['--school', 'Hillside', '--email', 'chen@hillside.test', '--name', 'Mr Chen'];
const okafor = ['--email', 'Okafor@Lakeside.test', '--name', 'Mr Okafor'];

describe.each(kinds)('npm run school:add-teacher on %s', (kind) => {
  it(
    'adds a colleague beside the running server, who sees and writes the whole school and nothing else',
    { timeout: 120_000 },
    async () => {
      const env = await productionEnv(kind);
      expect((await adminCommand(env, 'create-school', lakeside, `${PASSWORD}\n`)).code).toBe(0);
      expect((await adminCommand(env, 'create-school', hillside, `${PASSWORD}\n`)).code).toBe(0);
      const server = await listening(env);

      // The first teacher's class, a child and a piece of evidence; another school's child.
      const rivera = (await server.signIn('rivera@lakeside.test', PASSWORD)).body;
      const room = await server.call<{ classId: string }>('POST', '/classes', rivera.token, { name: 'Room 4' });
      expect(room.status).toBe(201);
      const { classId } = room.body;
      const pushed = await server.push(rivera.token, 'rivera-ipad', [
        { table: 'students', recordId: 'stu-ana', fields: { classId, displayName: 'Ana' } },
        {
          table: 'evidence',
          recordId: 'ev-ana-1',
          fields: {
            studentId: 'stu-ana',
            targetIds: ['tg-1'],
            kind: 'observation',
            observedAt: '2026-12-01T09:00:00.000Z',
            recordedAt: '2026-12-01T09:00:00.000Z',
            recordedBy: { kind: 'teacher', id: rivera.teacherId },
            note: 'Counted to 20',
          },
        },
      ]);
      expect(pushed.body.rejected).toEqual([]);
      const chen = (await server.signIn('chen@hillside.test', PASSWORD)).body;
      const hillRoom = await server.call<{ classId: string }>('POST', '/classes', chen.token, { name: 'Hill 1' });
      await server.push(chen.token, 'chen-ipad', [
        { table: 'students', recordId: 'stu-ben', fields: { classId: hillRoom.body.classId, displayName: 'Ben' } },
      ]);

      // The IT person finds the school's id, then adds the colleague by it, as package.json's script runs.
      const listed = await adminCommand(env, 'list-schools', []);
      expect(listed.code).toBe(0);
      const line = listed.out.split('\n').find((l) => l.endsWith('Lakeside Elementary'));
      expect(line).toMatch(/^[0-9a-f-]{36}\s+1\s+\d{4}-\d{2}-\d{2}\s+Lakeside Elementary$/);
      const lakesideId = line!.split(/\s+/)[0]!;
      expect(lakesideId).toBe(rivera.scope.schoolId);
      expect(listed.out).toMatch(/Hillside/);

      const added = await adminCommand(
        env,
        'add-teacher',
        ['--school', lakesideId, ...okafor],
        `${COLLEAGUE_PASSWORD}\n`,
      );
      expect(added.out).toContain('Teacher okafor@lakeside.test added to "Lakeside Elementary"');
      expect(added.out).toContain('which now has 2 teachers');
      expect(added.code).toBe(0);
      expect((await adminCommand(env, 'list-schools', [])).out).toMatch(new RegExp(`${lakesideId}\\s+2\\s`));

      const signedIn = await server.signIn('okafor@lakeside.test', COLLEAGUE_PASSWORD);
      expect(signedIn.status).toBe(200);
      const colleague = signedIn.body;
      expect(colleague.kind).toBe('teacher');
      expect(colleague.scope).toEqual({ schoolId: lakesideId }); // the whole school, not one class
      expect(colleague.teacherId).not.toBe(rivera.teacherId);

      // Reads: the first teacher's class, child and evidence, both teachers, nothing of Hillside.
      const pulled = await server.pullAll(colleague.token);
      const ids = new Set(pulled.map((c) => `${c.table}/${c.recordId}`));
      for (const id of [`classes/${classId}`, 'students/stu-ana', 'evidence/ev-ana-1']) expect(ids).toContain(id);
      expect(ids).toContain(`teachers/${rivera.teacherId}`);
      expect(pulled.find((c) => c.recordId === colleague.teacherId)?.fields).toMatchObject({
        schoolId: lakesideId,
        displayName: 'Mr Okafor',
      });
      expect(ids).not.toContain('students/stu-ben');
      expect(ids).not.toContain(`classes/${hillRoom.body.classId}`);
      const classes = await server.call<{ classes: { classId: string }[] }>('GET', '/classes', colleague.token);
      expect(classes.body.classes.map((c) => c.classId)).toEqual([classId]);

      // Writes: evidence on the first teacher's child, which the first teacher then pulls.
      const note = await server.push(colleague.token, 'okafor-ipad', [
        {
          table: 'evidence',
          recordId: 'ev-ana-2',
          fields: {
            studentId: 'stu-ana',
            targetIds: ['tg-1'],
            kind: 'observation',
            observedAt: '2026-12-02T09:00:00.000Z',
            recordedAt: '2026-12-02T09:00:00.000Z',
            recordedBy: { kind: 'teacher', id: colleague.teacherId },
            note: 'Read with Mr Okafor',
          },
        },
      ]);
      expect(note.body.rejected).toEqual([]);
      const otherSchool = await server.push(colleague.token, 'okafor-ipad', [
        { table: 'students', recordId: 'stu-ben', fields: { displayName: 'Renamed' } },
      ]);
      expect(otherSchool.body.accepted).toEqual([]); // Hillside's child is not in Okafor's school
      expect((await server.pullAll(rivera.token)).map((c) => c.recordId)).toContain('ev-ana-2');
      const ben = (await server.pullAll(chen.token)).filter((c) => c.recordId === 'stu-ben');
      expect(ben.every((c) => c.fields.displayName !== 'Renamed')).toBe(true);
    },
  );

  it(
    'refuses clearly an unknown or ambiguous school, a used email and a weak password, and adds nothing',
    {
      timeout: 60_000,
    },
    async () => {
      const env = await productionEnv(kind);
      // Before any server ran: listing changes nothing, not even the schema, and says where it looked.
      const unlisted = await adminInProcess(env, ['list-schools'], '');
      expect(unlisted.code).toBe(1);
      const none = await adminInProcess(env, ['add-teacher', ...okafor], `${COLLEAGUE_PASSWORD}\n`);
      expect(none.code).toBe(1);
      if (kind === 'sqlite') {
        // A forgotten DATA_DIR leaves no empty database behind that a later command could fill by mistake.
        expect(unlisted.out).toContain(`there is no database at ${join(env.DATA_DIR!, 'waypoint.sqlite')}`);
        expect(none.out).toContain('there is no database at');
        expect(existsSync(env.DATA_DIR!)).toBe(false);
      } else {
        expect(unlisted.out).toContain('holds no Waypoint database (start the server on it first)');
        expect(unlisted.out).not.toContain(':postgres@'); // never the password of DATABASE_URL
        expect(none.out).toContain('this server has no school yet'); // add-teacher migrates first, as the server would
      }

      expect((await adminInProcess(env, ['create-school', ...lakeside], `${PASSWORD}\n`)).code).toBe(0);
      // One school: --school may be left out (a school server's case).
      const only = await adminInProcess(
        env,
        ['add-teacher', '--email', 'lee@lakeside.test', '--name', 'Ms Lee'],
        `${COLLEAGUE_PASSWORD}\n`,
      );
      expect(only.code).toBe(0);
      expect(only.out).toContain('added to "Lakeside Elementary"');
      expect((await adminInProcess(env, ['create-school', ...hillside], `${PASSWORD}\n`)).code).toBe(0);
      const sameName = ['--school', 'Lakeside Elementary', '--email', 'kim@other.test', '--name', 'Ms Kim'];
      expect((await adminInProcess(env, ['create-school', ...sameName], `${PASSWORD}\n`)).code).toBe(0);

      const refusals: [string[], string, number, string][] = [
        [okafor, COLLEAGUE_PASSWORD, 1, 'this server has 3 schools: name one with --school'],
        [['--school', 'Nowhere High', ...okafor], COLLEAGUE_PASSWORD, 1, 'no school "Nowhere High" on this server'],
        [
          ['--school', 'lakeside elementary', ...okafor],
          COLLEAGUE_PASSWORD,
          1,
          '2 schools are called "lakeside elementary"',
        ],
        [
          ['--school', 'Hillside', '--email', 'RIVERA@lakeside.test', '--name', 'X'],
          COLLEAGUE_PASSWORD,
          1,
          'rivera@lakeside.test already has an account on this server (a teacher of "Lakeside Elementary")',
        ],
        [['--school', 'Hillside', ...okafor], 'short', 2, 'password must be 10–200 characters'],
        [['--school', 'Hillside', ...okafor], 'okafor-is-great', 2, 'too easy to guess (it contains the email)'],
        [
          ['--school', 'Hillside', '--email', 'sam@hillside.test', '--name', 'Mr Okafor'],
          'go okafor go go',
          2,
          'it contains the teacher’s name',
        ],
        [['--school', 'Hillside', ...okafor], 'Password2024!', 2, 'it is a common password'],
        [['--school', 'Hillside', ...okafor], 'waypoint-demo', 2, 'it is the demo’s password'],
        [['--school', 'Hillside', ...okafor], 'abababababab', 2, 'fewer than 5 different characters'],
        [['--school', 'Hillside', ...okafor], '0612345678', 2, 'it has no letters'],
        [['--school', 'Hillside', ...okafor], '', 2, 'password must be'],
        [
          ['--school', 'Hillside', '--email', 'not-an-email', '--name', 'X'],
          COLLEAGUE_PASSWORD,
          2,
          'email must look like',
        ],
        [
          ['--school', 'Hillside', ...okafor, '--password', COLLEAGUE_PASSWORD],
          COLLEAGUE_PASSWORD,
          2,
          'never taken from the command line',
        ],
        [['--school', 'Hillside', '--email', 'x@hillside.test'], COLLEAGUE_PASSWORD, 2, 'Usage:'],
      ];
      for (const [args, password, code, message] of refusals) {
        const run = await adminInProcess(env, ['add-teacher', ...args], `${password}\n`);
        expect(run.out, args.join(' ')).toContain(message);
        expect(run.code, args.join(' ')).toBe(code);
      }
      const listed = await adminInProcess(env, ['list-schools'], '');
      const counts = listed.out
        .split('\n')
        .slice(1)
        .map((l) => l.split(/\s+/)[1])
        .sort();
      expect(counts).toEqual(['1', '1', '2']); // only Ms Lee was ever added

      // By id the ambiguous name is no obstacle; the school's current name (renamed on a tablet) also finds it.
      const hillId = /^(\S+)\s+1\s+\S+\s+Hillside$/m.exec(listed.out)?.[1];
      expect(hillId).toBeDefined();
      const server = await listening(env);
      const chen = (await server.signIn('chen@hillside.test', PASSWORD)).body;
      await server.push(chen.token, 'chen-ipad', [
        { table: 'schools', recordId: hillId!, fields: { name: 'Hillside Primary' } },
      ]);
      const renamed = await adminInProcess(
        env,
        ['add-teacher', '--school', 'HILLSIDE PRIMARY', ...okafor],
        `${COLLEAGUE_PASSWORD}\n`,
      );
      expect(renamed.out).toContain(`added to "Hillside Primary" (id ${hillId})`);
      expect((await adminInProcess(env, ['list-schools'], '')).out).toContain('Hillside Primary (made as "Hillside")');
      expect((await server.signIn('okafor@lakeside.test', COLLEAGUE_PASSWORD)).body.scope.schoolId).toBe(hillId);
    },
  );
});
