/** Pull since a cursor, paged and cut down to what the caller may see. */
import type { PulledChange, PullResponse } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import { visibilityFor, visibleFields } from './access.ts';
import type { Principal } from './principal.ts';

export async function pullChanges(
  storage: Storage,
  principal: Principal,
  since: number,
  limit: number,
): Promise<PullResponse> {
  const page = await storage.pull(visibilityFor(principal), since, limit);
  const changes: PulledChange[] = [];
  for (const c of page.changes) {
    const fields = visibleFields(principal, c.table, c.fields);
    if (Object.keys(fields).length === 0) continue;
    changes.push({ seq: c.seq, changeId: c.changeId, table: c.table, recordId: c.recordId, fields, hlc: c.hlc });
  }
  return { changes, cursor: String(page.cursor), hasMore: page.hasMore };
}
