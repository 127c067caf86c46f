/** Every API request names its protocol version; a mismatch gets 426 and a plain instruction. */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION } from '#protocol';
import { errorBody, HttpError } from './errors.ts';

/** Null when the version matches. */
export function versionMismatch(version: number): HttpError | null {
  if (version === PROTOCOL_VERSION) return null;
  return version < PROTOCOL_VERSION
    ? new HttpError(
        426,
        'updateApp',
        `This app speaks protocol ${version}; the server needs ${PROTOCOL_VERSION}. Update the app.`,
      )
    : new HttpError(
        426,
        'updateServer',
        `This app speaks protocol ${version}; the server only knows ${PROTOCOL_VERSION}. Ask for the server to be updated.`,
      );
}

/** Routes a plain browser or another client may read without the header. */
const EXEMPT = new Set([`${API_PREFIX}/openapi.json`, `${API_PREFIX}/health`, `${API_PREFIX}/ready`]);

export function installVersionCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith(`${API_PREFIX}/`) || EXEMPT.has(path)) return;
    const header = request.headers[PROTOCOL_HEADER];
    if (typeof header !== 'string' || !/^\d{1,6}$/.test(header)) {
      return reply
        .status(400)
        .send(errorBody('badRequest', `Send the header ${PROTOCOL_HEADER}: ${PROTOCOL_VERSION} with every request`));
    }
    const mismatch = versionMismatch(Number(header));
    if (mismatch) return reply.status(mismatch.status).send(errorBody(mismatch.code, mismatch.message));
    return undefined;
  });
}
