/**
 * Family links: a teacher makes a revocable link for one child; the link reads that child's records
 * and the school's content, and nothing else. It is not a device token, so no write route accepts it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSha256Hex, validateFamilyLinkRequest, type FamilyViewResponse } from '#protocol';
import { isDeletedRecord, type FamilyLinkRow, type StoredRecord } from '#server/storage/storage.ts';
import { familySnapshot, sharedBlobIds } from '#server/sync/family-view.ts';
import { authenticate, isoAt, requireTeacher, type RouteContext } from './context.ts';
import { hashToken, newToken } from './credentials.ts';
import { badRequest, HttpError, notFound, unauthorized } from './errors.ts';
import { sendBlob } from './routes-blobs.ts';
import { paramId, valid } from './route-helpers.ts';

/** The link in the address, if it works, and its child's record (read for the check, kept for the report). */
async function linkFrom(
  ctx: RouteContext,
  request: FastifyRequest,
): Promise<{ link: FamilyLinkRow; student: StoredRecord }> {
  const { token } = request.params as { token: string };
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw unauthorized('This family link is not valid');
  const link = await ctx.storage.findFamilyLinkByHash(hashToken(token));
  if (!link) throw unauthorized('This family link is not valid');
  // Their own codes, so the family's page can say kindly, in the family's language, what happened.
  if (link.revokedAt !== null) {
    throw new HttpError(401, 'familyLinkRevoked', 'This family link was turned off by the school');
  }
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= ctx.clock.now()) {
    throw new HttpError(401, 'familyLinkExpired', 'This family link has expired; ask the teacher for a new one');
  }
  ctx.budget.spend(`family:${link.id}`, 1);
  // A child the school deleted is no one's to read about any more (undoing the delete brings the link back).
  const [student] = await ctx.storage.getRecords(link.schoolId, [{ table: 'students', recordId: link.studentId }]);
  if (!student || isDeletedRecord(student)) {
    throw new HttpError(401, 'familyLinkRevoked', 'This family link was turned off by the school');
  }
  return { link, student };
}

export function registerFamilyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/family-links', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const { studentId } = valid(validateFamilyLinkRequest(request.body));
    const [student] = await ctx.storage.getRecords(caller.schoolId, [{ table: 'students', recordId: studentId }]);
    const classId = student?.scope.classId ?? null;
    if (
      !student ||
      isDeletedRecord(student) ||
      classId === null ||
      (caller.classId !== null && caller.classId !== classId)
    ) {
      throw notFound('No such child in your scope');
    }
    const token = newToken();
    const id = randomUUID();
    await ctx.storage.createFamilyLink({
      id,
      tokenHash: hashToken(token),
      schoolId: caller.schoolId,
      classId,
      studentId,
      createdBy: caller.teacherId ?? caller.tokenId,
      createdAt: isoAt(ctx.clock),
      expiresAt: null,
      revokedAt: null,
    });
    return reply.status(201).send({ id, token, path: `/api/v1/family/${token}` });
  });

  app.delete('/family-links/:id', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const id = paramId(request, 'id');
    const link = await ctx.storage.getFamilyLink(id);
    if (!link || link.schoolId !== caller.schoolId || (caller.classId !== null && caller.classId !== link.classId)) {
      throw notFound('No such family link in your scope');
    }
    await ctx.storage.revokeFamilyLink(id, isoAt(ctx.clock));
    return reply.status(204).send();
  });

  app.get('/family/:token', async (request): Promise<FamilyViewResponse> => {
    const { link, student } = await linkFrom(ctx, request);
    const rest = await ctx.storage.listRecords({
      schoolId: link.schoolId,
      classId: link.classId,
      sharedTables: ['schools', 'frameworks', 'targets', 'itemSets'],
      studentIds: [link.studentId],
    });
    return { studentId: link.studentId, records: [student, ...rest].map(familySnapshot) };
  });

  app.get('/family/:token/blobs/:sha256', async (request, reply) => {
    const { link } = await linkFrom(ctx, request);
    const { sha256 } = request.params as { sha256: string };
    if (!isSha256Hex(sha256)) throw badRequest('The blob id must be 64 lowercase hex characters');
    // Only the work the teacher shared with the family: any other photo of the child is not the link's.
    const filter = { schoolId: link.schoolId, classId: link.classId, sharedTables: [], studentIds: [link.studentId] };
    const shared = sharedBlobIds(await ctx.storage.listRecords(filter));
    if (!shared.has(sha256)) throw notFound('No such shared work for this child');
    return sendBlob(ctx.storage, link.schoolId, sha256, reply);
  });
}
