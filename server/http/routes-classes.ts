/** Classes and their join codes; the server writes each new class into the change log. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { validateCreateClass } from '#protocol';
import { authenticate, isoAt, requireTeacher, type RouteContext } from './context.ts';
import { newJoinCode } from './credentials.ts';
import { valid, writeAsServer } from './route-helpers.ts';

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

  app.get('/classes', async (request) => {
    const caller = await authenticate(ctx, request);
    requireTeacher(caller);
    const classes = await ctx.storage.listClasses(caller.schoolId);
    return {
      classes: classes
        .filter((c) => caller.classId === null || c.id === caller.classId)
        .map((c) => ({ classId: c.id, name: c.name, joinCode: c.joinCode })),
    };
  });
}
