/** The demo seed is idempotent, also when two server processes start at once over one database. */
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_SCHOOL_ID, seedDemoSchool } from '#server/seed.ts';
import { createTestStorage, storageKinds, type TestStorage } from './helpers/databases.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const clock = { now: () => Date.parse('2026-03-01T08:00:00Z') };

describe.each(available)('demo seed on %s', (kind) => {
  let t: TestStorage | undefined;
  afterAll(async () => t?.dispose());

  it('two processes seeding at once make one school, one teacher, one class', async () => {
    t = await createTestStorage(kind);
    const other = t.openAnother();
    await other.migrate();
    try {
      const [a, b] = await Promise.all([
        seedDemoSchool({ storage: t.storage, clock }),
        seedDemoSchool({ storage: other, clock }),
      ]);
      expect(a.joinCode).not.toBeNull();
      expect(b.joinCode).toBe(a.joinCode);
      expect(await t.storage.listClasses(DEMO_SCHOOL_ID)).toHaveLength(1);
      expect((await t.storage.findTeacherByEmail(DEMO_EMAIL))?.schoolId).toBe(DEMO_SCHOOL_ID);
      const again = await seedDemoSchool({ storage: t.storage, clock });
      expect(again).toEqual({ created: false, joinCode: a.joinCode });
      const log = await t.storage.pull(
        { schoolId: DEMO_SCHOOL_ID, classId: null, sharedTables: null, studentIds: null },
        0,
        1000,
      );
      const ids = log.changes.map((c) => c.changeId);
      expect(ids).toEqual(expect.arrayContaining(['seed-demo-class', 'seed-demo-school', 'seed-demo-teacher']));
      expect(new Set(ids).size).toBe(ids.length);
      // The demo class has its children, once, however many processes seeded it.
      expect(log.changes.filter((c) => c.table === 'students')).toHaveLength(8);
      expect(log.changes.filter((c) => c.table === 'evidence').length).toBeGreaterThan(50);
    } finally {
      await other.close();
    }
  });
});
