/** Pull since a cursor, paged and cut down to what the caller may see. */
import type { PulledChange, PullResponse } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import { visibilityFor, visibleFields } from './access.ts';
import type { Principal } from './principal.ts';

export async function pullChanges(
  storage: Storage,
  principal: Principal,
  sinceEpoch: string | null,
  since: number,
  limit: number,
): Promise<Omit<PullResponse, 'serverTime'>> {
  const epoch = await storage.epoch();
  const filter = visibilityFor(principal);
  let page = await storage.pull(filter, since, limit);
  // A cursor from another database, or ahead of this log (a restore), would silently skip changes: restart.
  const reset = (sinceEpoch !== null && sinceEpoch !== epoch) || since > page.top;
  if (reset) page = await storage.pull(filter, 0, limit);
  const changes: PulledChange[] = [];
  for (const c of page.changes) {
    const fields = visibleFields(principal, c.table, c.recordId, c.fields);
    if (Object.keys(fields).length === 0) continue;
    changes.push({ seq: c.seq, changeId: c.changeId, table: c.table, recordId: c.recordId, fields, hlc: c.hlc });
  }
  return { changes, cursor: `${epoch}-${page.cursor}`, hasMore: page.hasMore, ...(reset ? { reset: true } : {}) };
}
