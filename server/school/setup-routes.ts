/**
 * The set-up routes, mounted on both the HTTPS app and the plain-HTTP front door: the page, its stylesheet,
 * the school's certificate authority (DER, application/x-x509-ca-cert) and the iOS profile. Every response
 * carries a strict Content-Security-Policy: the page has no script and no inline style.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { certificateDer } from './certificates.ts';
import { MOBILECONFIG_TYPE, mobileConfig } from './mobileconfig.ts';
import { chooseSetupLanguage, renderSetupPage, type SetupView } from './setup-page.ts';

export const SETUP_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const CA_CERTIFICATE_TYPE = 'application/x-x509-ca-cert';

const stylesheet = readFileSync(new URL('./setup.css', import.meta.url), 'utf8');

export interface SetupSource {
  /** The page's facts now (the server's addresses may change while it runs). */
  view(): SetupView;
  readonly authorityPem: string;
  readonly schoolName: string;
}

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', SETUP_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-cache');
}

export function registerSetupRoutes(app: FastifyInstance, source: SetupSource): void {
  const authorityDer = certificateDer(source.authorityPem);
  const profile = mobileConfig({ authorityPem: source.authorityPem, schoolName: source.schoolName });

  const page = async (request: { query: unknown; headers: Record<string, unknown> }, reply: FastifyReply) => {
    const query = request.query as { lang?: unknown };
    const accept = request.headers['accept-language'];
    const language = chooseSetupLanguage(
      typeof query.lang === 'string' ? query.lang : undefined,
      typeof accept === 'string' ? accept : undefined,
    );
    return secure(reply)
      .header('vary', 'accept-language')
      .type('text/html; charset=utf-8')
      .send(renderSetupPage(source.view(), language));
  };
  app.get('/setup', page);
  app.get('/setup/', page);
  app.get('/setup/setup.css', async (_request, reply) =>
    secure(reply).type('text/css; charset=utf-8').send(stylesheet),
  );
  app.get('/setup/waypoint-ca.crt', async (_request, reply) =>
    secure(reply)
      .type(CA_CERTIFICATE_TYPE)
      .header('content-disposition', 'attachment; filename="waypoint-ca.crt"')
      .send(authorityDer),
  );
  app.get('/setup/waypoint.mobileconfig', async (_request, reply) =>
    secure(reply)
      .type(MOBILECONFIG_TYPE)
      .header('content-disposition', 'attachment; filename="waypoint.mobileconfig"')
      .send(profile),
  );
}
