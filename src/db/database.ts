import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  ClassRecord,
  DecisionRecord,
  EvidenceRecord,
  FrameworkRecord,
  ItemSetRecord,
  OutboxRecord,
  PathRecord,
  SchoolRecord,
  SettingRecord,
  StoredBlobRecord,
  StudentRecord,
  TargetRecord,
  TeacherRecord,
} from './records.ts';
import { DB_NAME, SCHEMA_VERSIONS } from './schema.ts';
import { isSyncedTable } from '#protocol';

export class WaypointDb extends Dexie {
  schools!: EntityTable<SchoolRecord, 'id'>;
  teachers!: EntityTable<TeacherRecord, 'id'>;
  classes!: EntityTable<ClassRecord, 'id'>;
  students!: EntityTable<StudentRecord, 'id'>;
  frameworks!: EntityTable<FrameworkRecord, 'id'>;
  targets!: EntityTable<TargetRecord, 'id'>;
  itemSets!: EntityTable<ItemSetRecord, 'id'>;
  paths!: EntityTable<PathRecord, 'id'>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  decisions!: EntityTable<DecisionRecord, 'id'>;
  blobs!: EntityTable<StoredBlobRecord, 'id'>;
  outbox!: Table<OutboxRecord, number>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

/** The synced tables as Dexie tables, by name. */
export function syncedTable(db: WaypointDb, name: string): Table<Record<string, unknown>, string> | undefined {
  return isSyncedTable(name) ? db.table<Record<string, unknown>, string>(name) : undefined;
}

/** Every row of a synced table, tombstones included (for sync checks and backups). */
export function syncedTableRows(db: WaypointDb, name: string): Promise<Record<string, unknown>[]> {
  return syncedTable(db, name)?.toArray() ?? Promise.resolve([]);
}
