/** `npm run school:list`: every school of the server with its id, for `school:add-teacher --school <id>`. */
import { openStorageFromEnv, systemClock } from '#server/main.ts';
import type { AdminRun } from './admin-run.ts';
import { knownSchools, type KnownSchool } from './find-school.ts';

function table(schools: readonly KnownSchool[]): string[] {
  const rows = schools.map((s) => [
    s.id,
    String(s.teachers),
    s.createdAt.slice(0, 10),
    s.name === s.madeAs ? s.name : `${s.name} (made as "${s.madeAs}")`,
  ]);
  const header = ['id', 'teachers', 'created', 'name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export async function listSchools(run: AdminRun): Promise<number> {
  const storage = openStorageFromEnv(run.env);
  try {
    // Migrated as the server would, so a new database lists (nothing) rather than failing.
    await storage.migrate(systemClock.now());
    const schools = await knownSchools(storage);
    if (schools.length === 0) {
      run.log('No school on this server yet.');
      return 0;
    }
    for (const line of table(schools)) run.log(line);
    return 0;
  } finally {
    await storage.close();
  }
}
