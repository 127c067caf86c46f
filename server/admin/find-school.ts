/**
 * Schools as the administrator knows them: by id, or by name — the name teachers see now (they may rename
 * their school on a tablet, which changes the synced record) or the one it was made with.
 */
import type { Storage } from '#server/storage/storage.ts';

export interface KnownSchool {
  readonly id: string;
  /** The name teachers see now. */
  readonly name: string;
  /** The name it was made with (`school:create` or sign-up). */
  readonly madeAs: string;
  readonly createdAt: string;
  readonly teachers: number;
}

export async function knownSchools(storage: Storage): Promise<KnownSchool[]> {
  const rows = await storage.listSchools();
  const schools = await Promise.all(
    rows.map(async (row) => {
      const [record] = await storage.getRecords(row.id, [{ table: 'schools', recordId: row.id }]);
      const synced = record?.fields.name?.value;
      const name = typeof synced === 'string' && synced.trim() !== '' ? synced : row.name;
      return { id: row.id, name, madeAs: row.name, createdAt: row.createdAt, teachers: row.teachers };
    }),
  );
  return schools.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export type SchoolChoice = { readonly school: KnownSchool } | { readonly refusal: string };

const LIST_HINT = '`npm run school:list` shows every school with its id.';

function describe(school: KnownSchool): string {
  return `${school.id} ("${school.name}", ${school.teachers} teacher${school.teachers === 1 ? '' : 's'})`;
}

/**
 * The school `--school` names (an id, or a name in any case); without `--school`, the server's only school
 * (a school server holds one). Refused when none or several match.
 */
export function chooseSchool(schools: readonly KnownSchool[], wanted: string | undefined): SchoolChoice {
  if (wanted === undefined) {
    const [only] = schools;
    if (schools.length === 1 && only) return { school: only };
    if (schools.length === 0) {
      return {
        refusal:
          'this server has no school yet: make it with `npm run school:create`, or on a school server create the ' +
          'school account from the first teacher’s tablet.',
      };
    }
    return { refusal: `this server has ${schools.length} schools: name one with --school <id or name>. ${LIST_HINT}` };
  }
  const byId = schools.find((s) => s.id === wanted.trim());
  if (byId) return { school: byId };
  const key = wanted.trim().toLowerCase();
  const named = schools.filter((s) => s.name.toLowerCase() === key || s.madeAs.toLowerCase() === key);
  const [first] = named;
  if (named.length === 1 && first) return { school: first };
  if (named.length === 0) return { refusal: `no school "${wanted}" on this server. ${LIST_HINT}` };
  return {
    refusal: `${named.length} schools are called "${wanted}": give the id instead: ${named.map(describe).join(', ')}.`,
  };
}
