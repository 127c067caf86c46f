/**
 * Fields of their table's types: a device allowed to write a record (a teacher tablet, a child's own tablet)
 * cannot push one whose fields the screens and the rules cannot read, since it would reach every tablet of
 * the class. Each bad shape is refused with `invalidField` and a reason naming the field, is never stored
 * nor pulled, and the rest of the batch applies. SQLite and PostgreSQL, over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Change,
  type ErrorBody,
  type PullResponse,
  type PushResponse,
  type SessionResponse,
  type SyncedTable,
} from '#protocol';
import { storageKinds } from './helpers/databases.ts';
import { change, childEvidence, hlc, newId, teacherEvidence } from './helpers/fixtures.ts';
import { enroll, setUpSchool, startTestServer, type SchoolSetup, type TestServer } from './helpers/http.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);

const decision = (studentId: string, extra: Record<string, unknown> = {}) => ({
  studentId,
  targetId: 'tg-1',
  kind: 'setCurrent',
  decidedAt: '2026-03-01T09:00:00.000Z',
  decidedBy: { kind: 'teacher', id: 'teacher-1' },
  ...extra,
});

/** [what, table, fields of a new record for child `ana`, the field the reason must name]. */
type BadShape = [string, SyncedTable, (ana: string) => Record<string, unknown>, string];

const BAD_SHAPES: BadShape[] = [
  ['observedAt not a date', 'evidence', (a) => teacherEvidence(a, { observedAt: 'yesterday' }), 'observedAt'],
  ['observedAt a number', 'evidence', (a) => teacherEvidence(a, { observedAt: 1_772_355_600_000 }), 'observedAt'],
  [
    'observedAt without a zone',
    'evidence',
    (a) => teacherEvidence(a, { observedAt: '2026-03-01T09:00' }),
    'observedAt',
  ],
  ['observedAt missing', 'evidence', (a) => teacherEvidence(a, { observedAt: undefined }), 'observedAt'],
  ['observedAt null', 'evidence', (a) => teacherEvidence(a, { observedAt: null }), 'observedAt'],
  ['targetIds a string', 'evidence', (a) => teacherEvidence(a, { targetIds: 'tg-1' }), 'targetIds'],
  ['targetIds of numbers', 'evidence', (a) => teacherEvidence(a, { targetIds: [1, 2] }), 'targetIds'],
  ['an unknown kind', 'evidence', (a) => teacherEvidence(a, { kind: 'rumour' }), 'kind'],
  ['level out of range', 'evidence', (a) => teacherEvidence(a, { level: 99 }), 'level'],
  ['level not a number', 'evidence', (a) => teacherEvidence(a, { level: '3' }), 'level'],
  ['level a fraction', 'evidence', (a) => teacherEvidence(a, { level: 2.5 }), 'level'],
  ['itemResults not a list', 'evidence', (a) => teacherEvidence(a, { kind: 'check', itemResults: {} }), 'itemResults'],
  ['itemResults holding null', 'evidence', (a) => teacherEvidence(a, { itemResults: [null] }), 'itemResults'],
  [
    'an item result of no kind',
    'evidence',
    (a) => teacherEvidence(a, { itemResults: [{ itemId: 'b', result: 'maybe' }] }),
    'itemResults',
  ],
  ['recordedBy a string', 'evidence', (a) => teacherEvidence(a, { recordedBy: 'teacher' }), 'recordedBy'],
  ['blobIds not hashes', 'evidence', (a) => teacherEvidence(a, { blobIds: ['../etc/passwd'] }), 'blobIds'],
  ['an id that is another record’s', 'evidence', (a) => teacherEvidence(a, { id: 'someone-else' }), 'id'],
  ['decidedAt not a date', 'decisions', (a) => decision(a, { decidedAt: 'soon' }), 'decidedAt'],
  ['a decision of no kind', 'decisions', (a) => decision(a, { kind: 'expel' }), 'kind'],
  ['a decision without its target', 'decisions', (a) => decision(a, { targetId: undefined }), 'targetId'],
  ['a path whose entries are strings', 'paths', (a) => ({ studentId: a, entries: ['tg-1'] }), 'entries'],
];

describe.each(available)('record shapes on %s', (kind) => {
  let server: TestServer;
  let school: SchoolSetup;
  let device: SessionResponse;
  let ana: string;

  const push = (token: string, changes: Change[]) =>
    server.call<PushResponse & ErrorBody>('POST', '/api/v1/sync/push', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, deviceId: 'tablet', changes },
    });
  const pulledIds = async (token: string) => {
    const r = await server.call<PullResponse>('GET', '/api/v1/sync/pull?since=0&limit=1000', { token });
    return new Set(r.body.changes.map((c) => c.changeId));
  };
  const now = () => hlc(server.clock.now());

  beforeAll(async () => {
    server = await startTestServer(kind);
    school = await setUpSchool(server);
    device = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
    ana = newId('ana');
    const r = await push(device.token, [
      change(
        'students',
        ana,
        { classId: school.classId, displayName: 'Ana', picture: 'fox', familyLanguage: 'es', archived: false },
        now(),
      ),
    ]);
    expect(r.body.rejected).toEqual([]);
  });
  afterAll(async () => server?.close());

  it.each(BAD_SHAPES)(
    'refuses %s (invalidField), stores nothing, and applies the rest of the batch',
    async (_what, table, make, field) => {
      const fields = Object.fromEntries(Object.entries(make(ana)).filter(([, v]) => v !== undefined));
      const bad = change(table, newId('bad'), fields, now());
      const good = change('evidence', newId('ev'), teacherEvidence(ana), now());
      const r = await push(device.token, [bad, good]);
      expect(r.status).toBe(200);
      expect(r.body.accepted).toEqual([good.changeId]);
      expect(r.body.rejected).toHaveLength(1);
      const [refusal] = r.body.rejected;
      expect(refusal).toMatchObject({ changeId: bad.changeId, code: 'invalidField', current: null });
      expect(refusal!.reason).toContain(`${table}.${field}`);
      const pulled = await pulledIds(device.token);
      expect(pulled.has(bad.changeId)).toBe(false);
      expect(pulled.has(good.changeId)).toBe(true);
    },
  );

  it('takes whole, well-formed records as they are and gives them back unchanged', async () => {
    const evidence = teacherEvidence(ana, {
      kind: 'check',
      level: 3,
      itemResults: [
        { itemId: 'b', result: 'correct' },
        { itemId: 'c', result: 'notYet', note: 'said k' },
      ],
      blobIds: ['a'.repeat(64)],
      durationMs: 4000,
      note: 'read 5 words',
    });
    const e = change('evidence', newId('ev'), evidence, now());
    const d = change('decisions', newId('dec'), decision(ana), now());
    const p = change(
      'paths',
      ana,
      { studentId: ana, entries: [{ targetId: 'tg-1', plannedDate: '2026-04-01' }, { targetId: 'tg-2' }] },
      now(),
    );
    const r = await push(device.token, [e, d, p]);
    expect(r.body.rejected).toEqual([]);
    const page = await server.call<PullResponse>('GET', '/api/v1/sync/pull?since=0&limit=1000', {
      token: device.token,
    });
    expect(page.body.changes.find((c) => c.changeId === e.changeId)?.fields).toEqual(evidence);
  });

  it('checks the fields a change sets on a record the server holds: null clears only what is optional', async () => {
    const cleared = change('students', ana, { personId: null }, now());
    const renamed = change('students', ana, { displayName: 42 }, now());
    const unlanguaged = change('students', ana, { familyLanguage: null }, now());
    const r = await push(device.token, [cleared, renamed, unlanguaged]);
    expect(r.body.accepted).toEqual([cleared.changeId]);
    expect(r.body.rejected.map((x) => [x.code, x.reason.match(/students\.\w+/)?.[0]])).toEqual([
      ['invalidField', 'students.displayName'],
      ['invalidField', 'students.familyLanguage'],
    ]);
    // The refusal carries the record as the server holds it, so the tablet puts its copy back.
    expect(r.body.rejected[0]!.current?.fields).toMatchObject({ displayName: 'Ana', familyLanguage: 'es' });
  });

  it('a child’s own tablet cannot plant a record the class’s screens cannot read', async () => {
    const tablet = await server.call<SessionResponse>('POST', '/api/v1/devices/enroll', {
      token: school.teacher.token,
      body: { joinCode: school.joinCode, kind: 'student', deviceId: newId('tablet'), studentId: ana },
    });
    expect(tablet.status).toBe(201);
    const token = tablet.body.token;
    const fine = change('evidence', newId('ev'), childEvidence(ana), now());
    const planted = [
      childEvidence(ana, { observedAt: 'not a date' }),
      childEvidence(ana, { observedAt: undefined }),
      childEvidence(ana, { targetIds: [{}] }),
      childEvidence(ana, { durationMs: -5 }),
      childEvidence(ana, { note: ['a', 'list'] }),
    ].map((fields) => change('evidence', newId('ev'), fields, now()));
    const r = await push(token, [...planted, fine]);
    expect(r.body.accepted).toEqual([fine.changeId]);
    expect(r.body.rejected.map((x) => x.code)).toEqual(planted.map(() => 'invalidField'));
    const seen = await pulledIds(device.token);
    for (const c of planted) expect(seen.has(c.changeId)).toBe(false);
  });
});
