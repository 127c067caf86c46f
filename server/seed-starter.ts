/**
 * The starter frameworks in every school: written when the school is created (sign-up, the demo school),
 * as the same records under the same STARTER_HLC a device loads on first run, so no device ever pushes
 * them, family links and stations see them, and a teacher's edit (a real stamp) wins as usual.
 * Change ids are made from the school and the record, so seeding twice (two server processes starting
 * over one database, or a retried sign-up) writes nothing the second time.
 */
import { STARTER_HLC, type Change } from '#protocol';
import { starterRecords } from '#content/index.ts';
import { isoAt, type RouteContext } from './http/context.ts';
import { serverPrincipal } from './sync/principal.ts';
import { applyPush } from './sync/push.ts';

/** The starter records as changes into one school. */
export function starterChanges(schoolId: string): Change[] {
  return starterRecords().map(({ table, recordId, fields }) => {
    const { id: _id, ...rest } = fields;
    return { changeId: `starter:${schoolId}:${table}:${recordId}`, table, recordId, fields: rest, hlc: STARTER_HLC };
  });
}

export async function seedStarterContent(
  ctx: Pick<RouteContext, 'storage' | 'clock'>,
  schoolId: string,
): Promise<void> {
  const answer = await applyPush(
    ctx.storage,
    serverPrincipal(schoolId),
    'server',
    starterChanges(schoolId),
    isoAt(ctx.clock),
  );
  if (answer.rejected.length > 0) throw new Error(`starter content refused: ${answer.rejected[0]?.reason}`);
}
