/** Classes and their join codes; the server writes each new class into the change log. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { validateCreateClass, type ClassListResponse, type JoinCodeResponse } from '#protocol';
import { classesInScope, rotateJoinCode } from '#server/sync/classes.ts';
import { newJoinCode } from '#server/sync/join-codes.ts';
import { authenticate, isoAt, requireTeacher, type RouteContext } from './context.ts';
import { notFound } from './errors.ts';
import { paramId, valid, writeAsServer } from './route-helpers.ts';

export function registerClassRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/classes', async (request, reply) => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller, true);
    const body = valid(validateCreateClass(request.body));
    const classId = randomUUID();
    const joinCode = newJoinCode();
    await ctx.storage.createClass({
      id: classId,
      schoolId: caller.schoolId,
      name: body.name,
      joinCode,
      createdAt: isoAt(ctx.clock),
    });
    const teacherIds = caller.teacherId === null ? [] : [caller.teacherId];
    await writeAsServer(ctx, caller.schoolId, [
      {
        table: 'classes',
        recordId: classId,
        fields: { schoolId: caller.schoolId, name: body.name, teacherIds, templateTargetIds: [], language: 'en' },
      },
    ]);
    return reply.status(201).send({ classId, joinCode });
  });

  app.get('/classes', async (request): Promise<ClassListResponse> => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    return { classes: await classesInScope(ctx.storage, caller) };
  });

  /** A new join code for a class in the caller's scope (e.g. the old one was shared too widely). */
  app.post('/classes/:id/join-code', async (request): Promise<JoinCodeResponse> => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const id = paramId(request, 'id');
    const joinCode = await rotateJoinCode(ctx.storage, caller, id);
    if (joinCode === null) throw notFound('No such class in your scope');
    return { classId: id, joinCode };
  });
}
