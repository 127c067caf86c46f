/**
 * `npm run school:list`: every school of the server with its id, for `school:add-teacher --school <id>`.
 * Read only: it migrates nothing, so pointed at the wrong database it changes nothing there.
 */
import { openStorageFromEnv } from '#server/main.ts';
import { SCHEMA_VERSION } from '#server/storage/migrations.ts';
import type { AdminRun } from './admin-run.ts';
import { knownSchools, type KnownSchool } from './find-school.ts';
import { databaseLabel, missingDatabase } from './options.ts';

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
  const missing = missingDatabase(run.env);
  if (missing) {
    run.log(`Nothing to list: ${missing}`);
    return 1;
  }
  const storage = openStorageFromEnv(run.env);
  try {
    // A listing changes nothing, not even the schema: it reads a database its server has migrated.
    const version = await storage.schemaVersion().catch(() => 0);
    if (version !== SCHEMA_VERSION) {
      run.log(
        version === 0
          ? `Nothing to list: ${databaseLabel(run.env)} holds no Waypoint database (start the server on it first).`
          : `Nothing to list: the database is at schema version ${version} and this release's is ${SCHEMA_VERSION}: ` +
              'list with the release its server runs (a server migrates its database when it starts).',
      );
      return 1;
    }
    const schools = await knownSchools(storage);
    if (schools.length === 0) {
      run.log(`No school on this server yet (the database: ${databaseLabel(run.env)}).`);
      return 0;
    }
    for (const line of table(schools)) run.log(line);
    return 0;
  } finally {
    await storage.close();
  }
}
