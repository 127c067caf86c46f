import {
  exceedsDepth,
  isHlc,
  isSha256Hex,
  isSyncedTable,
  MAX_FIELD_DEPTH,
  SYNCED_TABLES,
  type Hlc,
  type SyncedTable,
} from '#protocol';
import { sha256Hex } from './blobs-repository.ts';
import type { OutboxRecord } from './records.ts';

/**
 * A whole device in one file: JSON, so it needs no library, opens in any text editor and survives any file
 * share; photos and audio ride along as base64 (they are already compressed, so a zip would win little).
 */
export const BACKUP_FORMAT = 'waypoint-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Device settings worth carrying to a new tablet. Never the device id, clock or server token. */
export const BACKED_UP_SETTINGS = ['activeClassId', 'starterContentLoaded'] as const;
/** The first-run flag (demo-repository's key): a restored device must not load the demo class again. */
export const STARTER_CONTENT_KEY = 'starterContentLoaded';

export type BackupRow = Record<string, unknown> & { readonly id: string; readonly _hlc: Readonly<Record<string, Hlc>> };

export interface BackupBlob {
  readonly id: string;
  readonly mime: string;
  readonly size: number;
  readonly createdAt: string;
  readonly uploadedAt?: string;
  readonly bytes: ArrayBuffer;
}

export interface BackupDraft {
  readonly key: string;
  readonly value: unknown;
  readonly updatedAt: string;
}

export interface Backup {
  readonly createdAt: string;
  readonly deviceId: string;
  readonly schemaVersion: number;
  /** Every row of every synced table, tombstones and clock stamps included. */
  readonly tables: Readonly<Record<SyncedTable, readonly BackupRow[]>>;
  /** Changes not yet pushed to a server, so a restored tablet still sends them. */
  readonly outbox: readonly OutboxRecord[];
  readonly drafts: readonly BackupDraft[];
  readonly settings: readonly { readonly key: string; readonly value: unknown }[];
  readonly blobs: readonly BackupBlob[];
}

/** A file that is not a usable backup. `problems` name each defect, so nothing is written on a guess. */
export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
  constructor(readonly problems: readonly string[]) {
    super(`This file is not a Waypoint backup that can be used: ${problems.slice(0, 5).join('; ')}`);
  }
}

export const MAX_PROBLEMS = 20;

/** Defects a reader can tell from the file's first keys (backup-read.ts refuses on them at once). */
export const NOT_A_BACKUP = 'it is not a Waypoint backup (no "format": "waypoint-backup")';
export const NEWER_VERSION = 'it was made by a newer version of Waypoint: update the app first';
export const unknownTable = (name: string) => `unknown table "${name}"`;

/** Whether an attachment's bytes are the ones its id (their SHA-256) names; notes it in `problems` when not. */
export async function checkBlobBytes(blob: BackupBlob, problems: string[]): Promise<boolean> {
  if ((await sha256Hex(blob.bytes)) === blob.id) return true;
  problems.push(`attachment ${blob.id.slice(0, 12)}… is damaged`);
  return false;
}

/** The file's parts, blobs one per part, so a big backup is never one giant string. */
export function serializeBackup(backup: Backup): string[] {
  const { blobs, ...rest } = backup;
  const head = JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...rest });
  const parts = [`${head.slice(0, -1)},"blobs":[`];
  blobs.forEach(({ bytes, ...meta }, index) => {
    parts.push(`${index > 0 ? ',' : ''}${JSON.stringify({ ...meta, base64: toBase64(bytes) })}`);
  });
  parts.push(']}');
  return parts;
}

/** Reads and checks a backup file: every row, stamp and attachment (bytes checked against their SHA-256). */
export async function parseBackup(text: string): Promise<Backup> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupFormatError(['the file is not JSON (is it a Waypoint backup?)']);
  }
  const problems: string[] = [];
  const backup = checkShape(raw, problems);
  if (backup) {
    for (const blob of backup.blobs) {
      await checkBlobBytes(blob, problems);
    }
  }
  if (problems.length > 0 || !backup) throw new BackupFormatError(problems.slice(0, MAX_PROBLEMS));
  return backup;
}

/** Checks a backup's shape; answers it (or null) and adds every defect to `problems`. */
export function checkShape(raw: unknown, problems: string[]): Backup | null {
  if (!isObject(raw) || raw['format'] !== BACKUP_FORMAT) {
    problems.push(NOT_A_BACKUP);
    return null;
  }
  const version = raw['formatVersion'];
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    problems.push(NEWER_VERSION);
    return null;
  }
  if (version !== BACKUP_FORMAT_VERSION) problems.push('its format version is missing or unknown');
  if (exceedsDepth(raw, MAX_FIELD_DEPTH + 4)) {
    problems.push('it is nested too deeply');
    return null;
  }
  const tables = checkTables(raw['tables'], problems);
  const outbox = list(raw['outbox'], 'outbox', problems).filter((entry, i) => checkOutbox(entry, i, problems));
  const drafts = list(raw['drafts'], 'drafts', problems).filter((d, i) => checkDraft(d, i, problems));
  const settings = list(raw['settings'], 'settings', problems).filter((s, i) => checkSetting(s, i, problems));
  const blobs = list(raw['blobs'], 'blobs', problems).flatMap((b, i) => checkBlob(b, i, problems));
  if (typeof raw['createdAt'] !== 'string') problems.push('"createdAt" is missing');
  if (typeof raw['deviceId'] !== 'string') problems.push('"deviceId" is missing');
  if (problems.length > 0) return null;
  return {
    createdAt: raw['createdAt'] as string,
    deviceId: raw['deviceId'] as string,
    schemaVersion: typeof raw['schemaVersion'] === 'number' ? raw['schemaVersion'] : 0,
    tables,
    outbox: outbox as unknown as OutboxRecord[],
    drafts: drafts as unknown as BackupDraft[],
    settings: settings as unknown as Backup['settings'],
    blobs,
  };
}

function checkTables(value: unknown, problems: string[]): Record<SyncedTable, BackupRow[]> {
  const tables = Object.fromEntries(SYNCED_TABLES.map((t) => [t, [] as BackupRow[]])) as Record<
    SyncedTable,
    BackupRow[]
  >;
  if (!isObject(value)) {
    problems.push('"tables" is missing');
    return tables;
  }
  for (const [name, rows] of Object.entries(value)) {
    if (!isSyncedTable(name)) {
      problems.push(unknownTable(name));
      continue;
    }
    tables[name] = list(rows, name, problems).filter((row, i): row is BackupRow => checkRow(name, row, i, problems));
  }
  return tables;
}

function checkRow(table: string, row: unknown, index: number, problems: string[]): boolean {
  const where = `${table} row ${index + 1}`;
  if (!isObject(row) || typeof row['id'] !== 'string' || row['id'] === '') {
    problems.push(`${where} has no id`);
    return false;
  }
  const stamps = row['_hlc'];
  if (!isObject(stamps) || !Object.values(stamps).every(isHlc)) {
    problems.push(`${where} (${row['id']}) has missing or invalid clock stamps`);
    return false;
  }
  if (row['deleted'] !== undefined && typeof row['deleted'] !== 'boolean') {
    problems.push(`${where} (${row['id']}) has a "deleted" mark that is not true or false`);
    return false;
  }
  return true;
}

function checkOutbox(entry: unknown, index: number, problems: string[]): boolean {
  const good =
    isObject(entry) &&
    typeof entry['changeId'] === 'string' &&
    isSyncedTable(entry['table']) &&
    typeof entry['recordId'] === 'string' &&
    isObject(entry['fields']) &&
    isHlc(entry['hlc']);
  if (!good) problems.push(`outbox entry ${index + 1} is not a valid change`);
  return good;
}

function checkDraft(draft: unknown, index: number, problems: string[]): boolean {
  const good = isObject(draft) && typeof draft['key'] === 'string' && typeof draft['updatedAt'] === 'string';
  if (!good) problems.push(`draft ${index + 1} has no key or date`);
  return good;
}

function checkSetting(setting: unknown, index: number, problems: string[]): boolean {
  const good =
    isObject(setting) && (BACKED_UP_SETTINGS as readonly unknown[]).includes(setting['key']) && 'value' in setting;
  if (!good) problems.push(`setting ${index + 1} is not one a backup may carry`);
  return good;
}

/** One attachment as the file holds it (base64), checked and decoded; [] with a problem noted when it is not usable. */
export function checkBlob(blob: unknown, index: number, problems: string[]): BackupBlob[] {
  const where = `attachment ${index + 1}`;
  if (
    !isObject(blob) ||
    !isSha256Hex(blob['id']) ||
    typeof blob['mime'] !== 'string' ||
    typeof blob['size'] !== 'number' ||
    typeof blob['createdAt'] !== 'string' ||
    (blob['uploadedAt'] !== undefined && typeof blob['uploadedAt'] !== 'string') ||
    typeof blob['base64'] !== 'string'
  ) {
    problems.push(`${where} is missing its id, type, size, date or bytes`);
    return [];
  }
  const bytes = fromBase64(blob['base64']);
  if (!bytes || bytes.byteLength !== blob['size']) {
    problems.push(`${where} (${blob['id'].slice(0, 12)}…) has unreadable bytes or the wrong size`);
    return [];
  }
  const { base64: _base64, ...meta } = blob;
  return [{ ...(meta as Omit<BackupBlob, 'bytes'>), bytes }];
}

function list(value: unknown, name: string, problems: string[]): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  problems.push(`"${name}" is not a list`);
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
