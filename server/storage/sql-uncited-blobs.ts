/**
 * Blobs no evidence cites: storing one within its uploader's bounds, and sweeping those left uncited past
 * the grace period. "Cited" is any row in blob_refs for the blob (a citation is never removed).
 */
import type { SqlDriver, SqlExecutor, SqlValue } from './driver.ts';
import type { BlobMetaRow, StoreBlobOutcome, UncitedBlobLimits } from './storage.ts';

/** No citation of the blob row named `blob` (a table or its alias). */
const uncited = (blob: string): string =>
  `NOT EXISTS (SELECT 1 FROM blob_refs r WHERE r.school_id = ${blob}.school_id AND r.sha256 = ${blob}.sha256)`;
const SWEEP_BATCH = 500;
/**
 * A blob counts as at least this many bytes against the bounds: a row costs the database more than a few
 * bytes, so a bound in bytes must also bound how many rows tiny uploads make (no photo or clip is this small).
 */
export const MIN_COUNTED_BLOB_BYTES = 4096;
const counted = (size: number): number => Math.max(size, MIN_COUNTED_BLOB_BYTES);

export async function insertBlob(tx: SqlExecutor, meta: BlobMetaRow, bytes: Buffer): Promise<boolean> {
  const n = await tx.run(
    `INSERT INTO blobs (school_id, sha256, size, mime, class_id, uploader_token, created_at, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (school_id, sha256) DO NOTHING`,
    [meta.schoolId, meta.sha256, meta.size, meta.mime, meta.classId, meta.tokenId, meta.createdAt, bytes],
  );
  return n === 1;
}

async function sumUncited(tx: SqlExecutor, where: string, params: SqlValue[]): Promise<number> {
  const rows = await tx.all(
    `SELECT COALESCE(SUM(CASE WHEN b.size < ${MIN_COUNTED_BLOB_BYTES} THEN ${MIN_COUNTED_BLOB_BYTES} ELSE b.size END), 0)
       AS held FROM blobs b WHERE ${where} AND ${uncited('b')}`,
    params,
  );
  return Number(rows[0]?.held ?? 0);
}

async function overQuota(
  tx: SqlExecutor,
  meta: BlobMetaRow,
  limits: UncitedBlobLimits,
): Promise<StoreBlobOutcome | null> {
  const byToken =
    meta.classId === null
      ? await sumUncited(tx, 'b.school_id = ? AND b.class_id IS NULL AND b.uploader_token = ?', [
          meta.schoolId,
          meta.tokenId,
        ])
      : await sumUncited(tx, 'b.school_id = ? AND b.class_id = ? AND b.uploader_token = ?', [
          meta.schoolId,
          meta.classId,
          meta.tokenId,
        ]);
  if (byToken + counted(meta.size) > limits.tokenBytes) {
    return { kind: 'overQuota', scope: 'token', heldBytes: byToken, limitBytes: limits.tokenBytes };
  }
  if (limits.classBytes === null || meta.classId === null) return null;
  const byClass = await sumUncited(tx, 'b.school_id = ? AND b.class_id = ?', [meta.schoolId, meta.classId]);
  if (byClass + counted(meta.size) > limits.classBytes) {
    return { kind: 'overQuota', scope: 'class', heldBytes: byClass, limitBytes: limits.classBytes };
  }
  return null;
}

export function storeBlob(
  db: SqlDriver,
  meta: BlobMetaRow,
  bytes: Buffer,
  limits: UncitedBlobLimits,
): Promise<StoreBlobOutcome> {
  // Every upload counted against the same bounds takes the same lock: a class's devices share one (their
  // class bound), a teacher's sign-in has its own. PostgreSQL: an advisory lock; SQLite has one writer.
  const lockKey = `uncited-blobs:${meta.schoolId}:${meta.classId ?? `token:${meta.tokenId ?? ''}`}`;
  return db.transaction(async (tx) => {
    // A re-send of a blob no record cites yet dates it anew. It locks the row: a sweep deleting it first
    // makes this match nothing (and the blob is stored again below); one deleting it after finds it new.
    const refreshed = await tx.run(
      `UPDATE blobs SET created_at = ? WHERE school_id = ? AND sha256 = ?
         AND ${uncited('blobs')}`,
      [meta.createdAt, meta.schoolId, meta.sha256],
    );
    if (refreshed > 0) return { kind: 'exists' };
    const cited = await tx.all('SELECT 1 AS one FROM blob_refs WHERE school_id = ? AND sha256 = ? LIMIT 1', [
      meta.schoolId,
      meta.sha256,
    ]);
    if (cited.length === 0) {
      const refused = await overQuota(tx, meta, limits);
      if (refused) return refused;
    }
    return (await insertBlob(tx, meta, bytes)) ? { kind: 'created' } : { kind: 'exists' };
  }, lockKey);
}

export async function sweepUncitedBlobs(db: SqlDriver, before: string): Promise<number> {
  let removed = 0;
  for (;;) {
    // Found without a lock; removed under each school's push lock, checked again there.
    const found = await db.all(
      `SELECT b.school_id, b.sha256 FROM blobs b WHERE b.created_at < ? AND ${uncited('b')} LIMIT ?`,
      [before, SWEEP_BATCH],
    );
    const bySchool = new Map<string, string[]>();
    for (const row of found) {
      const school = String(row.school_id);
      bySchool.set(school, [...(bySchool.get(school) ?? []), String(row.sha256)]);
    }
    for (const [schoolId, shas] of bySchool) {
      removed += await db.transaction(
        (tx) =>
          tx.run(
            `DELETE FROM blobs WHERE school_id = ? AND sha256 IN (${shas.map(() => '?').join(', ')}) AND created_at < ?
               AND ${uncited('blobs')}`,
            [schoolId, ...shas, before],
          ),
        schoolId,
      );
    }
    if (found.length < SWEEP_BATCH) return removed;
  }
}
