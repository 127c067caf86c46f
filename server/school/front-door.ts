/**
 * The plain-HTTP side of the school server: a tablet that does not trust the school yet can reach only the
 * set-up page and the certificate; everything else is redirected to the same path over HTTPS. With
 * HTTP_APP=true the whole app is served over HTTP as well, for devices that cannot install the certificate:
 * the app then says plainly what does not work there (offline use, install, camera, microphone).
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { normalizeAddress } from './certificates.ts';
import { registerSetupRoutes, type SetupSource } from './setup-routes.ts';

export interface RedirectOptions {
  httpsPort(): number;
  readonly schoolName: string;
  /** Whether the server's certificate covers this host name or address (so the redirect keeps it). */
  isCertified(host: string): boolean;
}

/**
 * The HTTPS address for a plain-HTTP request: the same host when the certificate covers it (a tablet that
 * came by IP address stays on it), else the school's name; the same path and query.
 */
export function httpsLocation(hostHeader: string | undefined, path: string, options: RedirectOptions): string {
  let host = options.schoolName;
  try {
    const hostname = new URL(`http://${hostHeader ?? ''}`).hostname;
    const bare = hostname.startsWith('[') ? normalizeAddress(hostname.slice(1, -1)) : hostname.toLowerCase();
    if (bare && options.isCertified(bare)) host = bare.includes(':') ? `[${bare}]` : bare;
  } catch {
    // A Host header that is not a host: the school's name.
  }
  const httpsPort = options.httpsPort();
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  return `https://${host}${port}${path.startsWith('/') ? path : `/${path}`}`;
}

export async function createFrontDoor(options: {
  readonly setup: SetupSource;
  readonly redirect: RedirectOptions;
  readonly logger?: FastifyServerOptions['logger'];
}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  registerSetupRoutes(app, options.setup);
  app.setNotFoundHandler((request, reply) => {
    const location = httpsLocation(request.headers.host, request.url, options.redirect);
    // 307/308 keep the method and body; temporary, so a later change of port is not cached for good.
    return reply
      .status(request.method === 'GET' || request.method === 'HEAD' ? 302 : 307)
      .header('location', location)
      .header('cache-control', 'no-cache')
      .send();
  });
  return app;
}
