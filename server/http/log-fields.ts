/**
 * What the server's JSON logs (Fastify's pino) may hold: never children's data. A request is logged by its
 * method and its route's pattern (`/api/v1/classes/:classId/join-code`, never the ids in the address, nor
 * the query string, nor a family link's secret); bodies and headers are never logged; an error is logged by
 * its type, code and stack frames but not its message, which may quote a value (a database error does).
 */
import type { FastifyServerOptions } from 'fastify';

interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly ip?: string;
  readonly routeOptions?: { readonly url?: string };
}

/** An address no route matched (the app's own pages, a typo): only its first segment, which names no one. */
export function redactPath(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const [first, ...rest] = path.split('/').filter((part) => part.length > 0);
  if (first === undefined) return '/';
  return `/${first}${rest.length > 0 ? '/…' : ''}`;
}

export function loggedUrl(request: LoggedRequest): string {
  const pattern = request.routeOptions?.url;
  // A static file's route is its own path (hashed asset names, no one's data); a pattern has `:` params.
  return pattern !== undefined && pattern !== '' && !pattern.includes('*') ? pattern : redactPath(request.url);
}

interface LoggedError {
  readonly name?: string;
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly stack?: string;
}

export function loggedError(error: LoggedError): { type: string; message: string; stack: string } {
  const type = error.name ?? 'Error';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
  return {
    type,
    message: '(withheld: an error message may quote what was sent)',
    ...(error.code !== undefined ? { code: String(error.code) } : {}),
    ...(error.statusCode !== undefined ? { statusCode: Number(error.statusCode) } : {}),
    stack: frames.join('\n'),
  };
}

/** Fastify's logger options: JSON lines at `level` (to `stream`, for tests; stdout otherwise). */
export function serverLogger(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: loggedUrl(request),
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: LoggedError) => loggedError(error),
    },
  };
}
