/** Every error leaves as `{ error: { code, message } }`; client mistakes are 4xx, never 500. */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody, ErrorCode } from '#protocol';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly string[],
    /** Sent as Retry-After (seconds) with a 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: readonly string[]): HttpError =>
  new HttpError(400, 'validation', message, details);
export const unauthorized = (message: string): HttpError => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'notFound', message);

export function errorBody(code: ErrorCode, message: string, details?: readonly string[]): ErrorBody {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/** Fastify's own client errors (bad JSON, too large, wrong media type) mapped to our codes. */
function fromFastify(error: FastifyError): HttpError | null {
  const status = error.statusCode ?? 500;
  if (status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'tooLarge', 'The request body is larger than this route accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupportedMediaType', 'Send JSON with Content-Type: application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'badRequest', 'The body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'badRequest', `The body is not valid JSON: ${error.message}`);
    default:
      if (error instanceof SyntaxError || error.name === 'SyntaxError') {
        return new HttpError(400, 'badRequest', `The body is not valid JSON: ${error.message}`);
      }
      return new HttpError(
        status,
        status === 413 ? 'tooLarge' : status === 429 ? 'tooManyRequests' : 'badRequest',
        error.message,
      );
  }
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof HttpError ? error : fromFastify(error);
    if (known) {
      if (known.retryAfterSeconds !== undefined) void reply.header('retry-after', String(known.retryAfterSeconds));
      void reply.status(known.status).send(errorBody(known.code, known.message, known.details));
      return;
    }
    request.log.error({ err: error }, 'unhandled error');
    void reply.status(500).send(errorBody('internal', 'The server failed; the request may be retried'));
  });
}
