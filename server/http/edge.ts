/**
 * Refuses at the edge what no route should ever see: JSON bodies that are not UTF-8, and path or query
 * values with NUL or other control characters or broken characters (PostgreSQL cannot store NUL in text,
 * and such values are never ids). Each answer is a 400 with a clear message, before any handler runs.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isCleanText, MAX_PUSH_FIELDS } from '#protocol';
import { HttpError } from './errors.ts';

const MAX_PARAM_LENGTH = 512;
/**
 * Parsing JSON with hundreds of thousands of keys blocks the event loop for a noticeable time (every other
 * class waits), and no valid request has that many: each key needs a ':', so counting them first (a quick
 * scan) bounds the work before parsing. Colons inside strings count too, hence the margin.
 */
export const MAX_JSON_COLONS = 4 * MAX_PUSH_FIELDS;

function countColons(bytes: Buffer, max: number): number {
  let n = 0;
  for (let at = bytes.indexOf(0x3a); at !== -1 && n <= max; at = bytes.indexOf(0x3a, at + 1)) n++;
  return n;
}

const PROTOTYPE_KEY = new HttpError(
  400,
  'badRequest',
  'The body holds a "__proto__" or "constructor" key, which no request uses; nothing was done',
);

/** Whether plain JSON.parse takes the text (so a refusal by the safe parser was for a prototype key). */
function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isCleanValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_PARAM_LENGTH && isCleanText(value);
  if (Array.isArray(value)) return value.every(isCleanValue);
  return value === undefined;
}

function checkAddress(request: FastifyRequest): void {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const [name, value] of [...Object.entries(params), ...Object.entries(query)]) {
    if (!isCleanValue(name) || !isCleanValue(value)) {
      throw new HttpError(
        400,
        'badRequest',
        'The address holds a control character, a broken character or an over-long value; nothing was done',
      );
    }
  }
}

export function installEdgeChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new HttpError(400, 'badRequest', 'The body is not valid UTF-8; send JSON in UTF-8'), undefined);
      return;
    }
    if (bytes.length > 64 * 1024 && countColons(bytes, MAX_JSON_COLONS) > MAX_JSON_COLONS) {
      done(
        new HttpError(413, 'tooLarge', 'The body holds far more values than any request needs; split it'),
        undefined,
      );
      return;
    }
    const text = bytes.toString('utf8');
    parseJson(request, text, (error, value) => {
      // The parser refuses prototype keys with the same words as broken JSON; say which it was.
      if (error && isPlainJson(text)) done(PROTOTYPE_KEY, undefined);
      else done(error, value);
    });
  });
  app.addHook('preValidation', async (request) => checkAddress(request));
}
