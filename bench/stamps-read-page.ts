/**
 * In-page part of stamps-read-cost.ts (bundled for the browser): two stores holding the same year, one as
 * main stores it (a stamp per field, no middleware) and one through the stamps middleware (compact on disk,
 * expanded on read), both with the app's schema, and the reads the student page and class page make.
 */
import { Dexie } from 'dexie';
import { stampsMiddleware } from '#db/stamps-middleware.ts';
import { SCHEMA_VERSIONS } from '#db/schema.ts';

type Row = Record<string, unknown> & { id: string };

function open(name: string, compact: boolean): Dexie {
  const db = new Dexie(name, { cache: 'disabled' });
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  if (compact) db.use(stampsMiddleware);
  return db;
}

const stores = { full: open('full', false), compact: open('compact', true) };

async function fill(table: string, rows: Row[]): Promise<void> {
  for (const db of Object.values(stores)) await db.table(table).bulkPut(rows);
}

/** What the student page reads from synced tables (progress-data.ts and a page of evidence). */
async function studentPage(db: Dexie, studentId: string, classId: string): Promise<number> {
  const [student, path, targets, itemSets, decisions, evidence, classes] = await Promise.all([
    db.table('students').get(studentId),
    db.table('paths').get(studentId),
    db.table('targets').toArray(),
    db.table('itemSets').toArray(),
    db.table('decisions').where('studentId').equals(studentId).toArray(),
    db
      .table('evidence')
      .where('[studentId+observedAt]')
      .between([studentId, ''], [studentId, '\uffff'])
      .reverse()
      .limit(51)
      .toArray(),
    db.table('classes').get(classId),
  ]);
  return [student, path, classes].length + targets.length + itemSets.length + decisions.length + evidence.length;
}

/** What the class page reads from synced tables (progress-data.ts loadClassProgressData). */
async function classPage(db: Dexie, classId: string): Promise<number> {
  const students = (await db.table('students').where('classId').equals(classId).toArray()) as Row[];
  const ids = students.map((s) => s.id);
  const [paths, targets, itemSets, decisions] = await Promise.all([
    db.table('paths').bulkGet(ids),
    db.table('targets').toArray(),
    db.table('itemSets').toArray(),
    db.table('decisions').where('studentId').anyOf(ids).toArray(),
  ]);
  return students.length + paths.length + targets.length + itemSets.length + decisions.length;
}

/** A whole student's year of evidence (every record: what an export reads). */
async function studentEvidence(db: Dexie, studentId: string): Promise<number> {
  const rows = await db
    .table('evidence')
    .where('[studentId+observedAt]')
    .between([studentId, ''], [studentId, '\uffff'])
    .toArray();
  return rows.length;
}

async function time(run: () => Promise<number>): Promise<[number, number]> {
  const start = performance.now();
  const rows = await run();
  return [performance.now() - start, rows];
}

async function measure(studentId: string, classId: string, rounds: number): Promise<Record<string, unknown>> {
  const out: Record<string, { full: number[]; compact: number[]; rows: number }> = {};
  const screens: Record<string, (db: Dexie) => Promise<number>> = {
    studentPage: (db) => studentPage(db, studentId, classId),
    classPage: (db) => classPage(db, classId),
    studentEvidenceAll: (db) => studentEvidence(db, studentId),
  };
  for (let i = 0; i < rounds; i++)
    for (const [name, screen] of Object.entries(screens)) {
      // Interleaved, and which store goes first alternates, so neither gets a warmer cache.
      const order = i % 2 === 0 ? (['full', 'compact'] as const) : (['compact', 'full'] as const);
      for (const which of order) {
        const [ms, rows] = await time(() => screen(stores[which]));
        const entry = (out[name] ??= { full: [], compact: [], rows });
        entry[which].push(ms);
      }
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(
    Object.entries(out).map(([name, { full, compact, rows }]) => [
      name,
      { rows, fullMedianMs: median(full.slice(2)), compactMedianMs: median(compact.slice(2)) },
    ]),
  );
}

Object.assign(window, { benchStamps: { fill, measure } });
