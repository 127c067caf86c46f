/**
 * Content-addressed blobs: PUT verifies the SHA-256 and the size and is idempotent (re-send after a
 * dropped connection); GET is allowed to whoever may see evidence that cites the blob, and to the
 * uploading device's class before the citing evidence arrives.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSha256Hex, MAX_BLOB_BYTES } from '#protocol';
import type { Storage } from '#server/storage/storage.ts';
import { visibilityFor } from '#server/sync/access.ts';
import type { Principal } from '#server/sync/principal.ts';
import { authenticate, isoAt, type RouteContext } from './context.ts';
import { badRequest, HttpError, notFound } from './errors.ts';

function shaParam(params: unknown): string {
  const sha = (params as { sha256?: unknown }).sha256;
  if (!isSha256Hex(sha)) throw badRequest('The blob id must be 64 lowercase hex characters (its SHA-256)');
  return sha;
}

export async function mayReadBlob(storage: Storage, p: Principal, sha: string): Promise<boolean> {
  const meta = await storage.getBlobMeta(p.schoolId, sha);
  if (!meta) return false;
  if (p.kind === 'teacher' && (p.classId === null || meta.classId === p.classId)) return true;
  return storage.isBlobCited(visibilityFor(p), sha);
}

export async function sendBlob(storage: Storage, schoolId: string, sha: string, reply: FastifyReply) {
  const meta = await storage.getBlobMeta(schoolId, sha);
  const bytes = await storage.getBlobBytes(schoolId, sha);
  if (!meta || !bytes) throw notFound('No such blob');
  return reply
    .header('content-type', meta.mime)
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('etag', `"${sha}"`)
    .send(bytes);
}

export function registerBlobRoutes(app: FastifyInstance, ctx: RouteContext): void {
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
      // Keep only a plain type/subtype: it is echoed back as Content-Type when the blob is read.
      const type =
        String(request.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase() ?? '';
      const mime = /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream';
      const created = await ctx.storage.putBlob(
        {
          schoolId: principal.schoolId,
          sha256: sha,
          size: body.length,
          mime,
          classId: principal.classId,
          createdAt: isoAt(ctx.clock),
        },
        body,
      );
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
