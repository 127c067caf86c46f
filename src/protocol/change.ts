import type { Hlc } from './hlc.ts';
import type { SyncedTable } from './tables.ts';

/** One field-level change, as kept in a device's outbox and sent in a push. */
export interface Change {
  /** Unique id of this change (UUID v7); pushes are idempotent by it. */
  readonly changeId: string;
  readonly table: SyncedTable;
  readonly recordId: string;
  /** The fields this change sets. A delete sets `{ deleted: true }`. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly hlc: Hlc;
}
