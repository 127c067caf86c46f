/**
 * Content-addressed blobs. PUT verifies the SHA-256, the size and the media type (one the app records,
 * and the bytes must be what the type says) and is idempotent (re-send after a dropped connection). GET
 * follows the reading rule of server/sync/blob-citations.ts. Every blob is served so that a browser can
 * only show it as an image or play it as audio, never run it: nosniff, a sandboxing CSP, and
 * `Content-Disposition: attachment` for anything that is not an allowed image or audio file. What an
 * uploader may keep uncited is bounded (server/sync/uncited-blobs.ts), and what stays uncited is swept.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import { BLOB_MEDIA_TYPES, isSha256Hex, MAX_BLOB_BYTES } from '#protocol';
import type { Storage, StoreBlobOutcome } from '#server/storage/storage.ts';
import { visibilityFor } from '#server/sync/access.ts';
import { mayReadUploaded } from '#server/sync/blob-citations.ts';
import type { Principal } from '#server/sync/principal.ts';
import { DEFAULT_UNCITED_BLOB_POLICY, uncitedLimitsFor, type UncitedBlobPolicy } from '#server/sync/uncited-blobs.ts';
import { authenticate, isoAt, type RouteContext } from './context.ts';
import { badRequest, HttpError, notFound } from './errors.ts';
import { declaredMediaType, extensionOf, isBlobMediaType, sniffMediaType } from './media-types.ts';

function shaParam(params: unknown): string {
  const sha = (params as { sha256?: unknown }).sha256;
  if (!isSha256Hex(sha)) throw badRequest('The blob id must be 64 lowercase hex characters (its SHA-256)');
  return sha;
}

export async function mayReadBlob(storage: Storage, p: Principal, sha: string): Promise<boolean> {
  const meta = await storage.getBlobMeta(p.schoolId, sha);
  if (!meta) return false;
  if (mayReadUploaded(p, meta, false)) return true;
  return storage.isBlobCited(visibilityFor(p), sha);
}

/** The headers that keep a blob from ever running in the app's origin, however it is opened. */
export const BLOB_SAFETY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cross-origin-resource-policy': 'same-origin',
} as const;

export async function sendBlob(storage: Storage, schoolId: string, sha: string, reply: FastifyReply) {
  const meta = await storage.getBlobMeta(schoolId, sha);
  const bytes = await storage.getBlobBytes(schoolId, sha);
  if (!meta || !bytes) throw notFound('No such blob');
  // Blobs stored before types were checked are served as plain bytes to save, never to show.
  const type = isBlobMediaType(meta.mime) && sniffMediaType(bytes) === meta.mime ? meta.mime : null;
  return reply
    .headers(BLOB_SAFETY_HEADERS)
    .header('content-type', type ?? 'application/octet-stream')
    .header(
      'content-disposition',
      type ? `inline; filename="${sha}.${extensionOf(type)}"` : `attachment; filename="${sha}.bin"`,
    )
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('etag', `"${sha}"`)
    .send(bytes);
}

/** How long a device is asked to wait after a refusal for its uncited bytes (its next rounds push the records). */
const QUOTA_RETRY_SECONDS = 600;

const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;

function overQuota(o: Extract<StoreBlobOutcome, { kind: 'overQuota' }>): HttpError {
  const who = o.scope === 'token' ? 'This device' : "This class's devices";
  return new HttpError(
    429,
    'uploadQuotaExceeded',
    `${who} already keep ${mb(o.heldBytes)} of photos and recordings on the server that no record uses yet ` +
      `(at most ${mb(o.limitBytes)}); send the records that use them first. Nothing was stored; try again later`,
    undefined,
    QUOTA_RETRY_SECONDS,
  );
}

/**
 * Clears blobs left uncited past the grace period: on the first upload this process answers, then at most
 * once an hour, on an upload (only uploads add uncited bytes). Its failure never fails the upload.
 */
function uncitedSweeper(ctx: RouteContext, policy: UncitedBlobPolicy) {
  let last = -Infinity;
  let running: Promise<void> | null = null;
  return {
    async maybeSweep(log: FastifyBaseLogger): Promise<void> {
      const now = ctx.clock.now();
      if (running === null && now - last >= SWEEP_EVERY_MS) {
        last = now;
        running = ctx.storage
          .sweepUncitedBlobs(new Date(now - policy.graceMs).toISOString())
          .then((removed) => {
            if (removed > 0) log.info({ removed }, 'removed uncited blobs past their grace period');
          })
          .catch((error: unknown) => log.error({ err: error }, 'sweeping uncited blobs failed'))
          .finally(() => (running = null));
      }
      await running;
    },
  };
}

const SWEEP_EVERY_MS = 3600_000;

export function registerBlobRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  policy: UncitedBlobPolicy = DEFAULT_UNCITED_BLOB_POLICY,
): void {
  const sweeper = uncitedSweeper(ctx, policy);
  // Scoped so raw bodies of any type are accepted here and nowhere else.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BLOB_BYTES }, (_request, body, done) => {
      done(null, body);
    });

    scope.put('/blobs/:sha256', { bodyLimit: MAX_BLOB_BYTES }, async (request, reply) => {
      const sha = shaParam(request.params);
      const principal = await authenticate(ctx, request);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw badRequest('Send the bytes of the blob as the request body');
      const actual = createHash('sha256').update(body).digest('hex');
      if (actual !== sha) {
        throw new HttpError(422, 'hashMismatch', `The bytes hash to ${actual}, not ${sha}; nothing was stored`);
      }
      const header = request.headers['content-type'];
      const declared = declaredMediaType(header);
      const sniffed = sniffMediaType(body);
      const unlabelled = header === undefined || /^application\/octet-stream\s*(;|$)/i.test(String(header));
      if (declared === null && !(unlabelled && sniffed !== null)) {
        throw new HttpError(
          415,
          'unsupportedMediaType',
          `Only photos, drawings and voice recordings are stored (${BLOB_MEDIA_TYPES.join(', ')}); nothing was stored`,
        );
      }
      const mime = declared ?? sniffed;
      if (mime === null || sniffed !== mime) {
        throw new HttpError(
          415,
          'unsupportedMediaType',
          `The bytes are not ${mime ?? 'an allowed type'} (they look like ${sniffed ?? 'something else'}); nothing was stored`,
        );
      }
      await sweeper.maybeSweep(request.log);
      const outcome = await ctx.storage.storeBlob(
        {
          schoolId: principal.schoolId,
          sha256: sha,
          size: body.length,
          mime,
          classId: principal.classId,
          tokenId: principal.tokenId,
          createdAt: isoAt(ctx.clock),
        },
        body,
        uncitedLimitsFor(principal, policy),
      );
      if (outcome.kind === 'overQuota') throw overQuota(outcome);
      const created = outcome.kind === 'created';
      return reply.status(created ? 201 : 200).send({ sha256: sha, size: body.length, created });
    });
  });

  app.get('/blobs/:sha256', async (request, reply) => {
    const sha = shaParam(request.params);
    const principal = await authenticate(ctx, request);
    // Not found and not allowed look the same, so ids cannot be probed across scopes.
    if (!(await mayReadBlob(ctx.storage, principal, sha))) throw notFound('No such blob in your scope');
    return sendBlob(ctx.storage, principal.schoolId, sha, reply);
  });
}
