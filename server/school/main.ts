/**
 * `npm run start:school`: the same app, data folder and server code as `npm start`, on the school's LAN over
 * HTTPS with a certificate from the school's own certificate authority (kept in DATA_DIR/school-tls), a
 * plain-HTTP front door for the set-up page, and the school's `.local` name announced with mDNS.
 *
 * Environment: PORT (HTTPS; 443 as root, else 8443), HTTP_PORT (set-up page and redirects; 80 or 8080),
 * HOST (default :: — every IPv4 and IPv6 address), DATA_DIR, SCHOOL_NAME (the host name to certify; default
 * the machine's mDNS name), HTTP_APP=true (also serve the app over plain HTTP), MDNS=off, and every setting
 * of `npm start` (DATABASE_URL, LOG_LEVEL, …).
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createServer } from '#server/http/app.ts';
import { openStorageFromEnv, serverOptionsFromEnv, systemClock } from '#server/main.ts';
import { deploymentFromEnv, shutdownTimeoutMs } from '#server/deployment.ts';
import { DEMO_EMAIL } from '#server/seed.ts';
import { closeOnSignals } from '#server/shutdown.ts';
import { addTeacherHint, schoolBanner } from './banner.ts';
import { fingerprint, normalizeAddress, validTo } from './certificates.ts';
import { createFrontDoor } from './front-door.ts';
import { advertiseSchool, type Advertiser } from './mdns.ts';
import { byFamily, httpsUrl } from './school-urls.ts';
import { defaultSchoolName, isMdnsName, lanAddresses, namesToCertify, parseSchoolName } from './school-names.ts';
import { qrCodeSvg } from './qr-svg.ts';
import { registerSetupRoutes, type SetupSource } from './setup-routes.ts';
import { ensureSchoolTls, type SchoolTls } from './tls-files.ts';

/** How often a running server checks its certificate (its end, the machine's addresses). */
const RECHECK_MS = 6 * 60 * 60 * 1000;

export interface SchoolDependencies {
  readonly interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  readonly now?: () => Date;
  readonly advertiser?: Advertiser;
  readonly log?: (text: string) => void;
  /** Where the server's JSON log lines go (standard output when absent). */
  readonly logStream?: NodeJS.WritableStream;
}

export interface SchoolServer {
  readonly schoolName: string;
  readonly httpsPort: number;
  readonly httpPort: number;
  /** Checks the certificate now and re-issues it (served from the next connection) when needed. */
  recheckCertificate(): Promise<SchoolTls>;
  close(): Promise<void>;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} "${value}" is not a port`);
  return parsed;
}

/**
 * Fastify's start line names the scheme from its own `https` option, which a server made by serverFactory
 * (ours, so its certificate can be renewed while running) leaves unset: it would print http:// for the
 * HTTPS port. The resolver makes the line say what a tablet must open.
 */
function listeningText(scheme: 'http' | 'https') {
  return (address: string) => `Server listening at ${address.replace(/^https?:\/\//, `${scheme}://`)}`;
}

async function listen(
  app: FastifyInstance,
  portNumber: number,
  host: string | undefined,
  scheme: 'http' | 'https',
): Promise<void> {
  const listenTextResolver = listeningText(scheme);
  if (host !== undefined) {
    await app.listen({ port: portNumber, host, listenTextResolver });
    return;
  }
  try {
    await app.listen({ port: portNumber, host: '::', listenTextResolver }); // IPv4 too, on a dual-stack machine
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT' &&
      (error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL'
    ) {
      throw error;
    }
    await app.listen({ port: portNumber, host: '0.0.0.0', listenTextResolver });
  }
}

export async function startSchool(
  env: NodeJS.ProcessEnv = process.env,
  deps: SchoolDependencies = {},
): Promise<SchoolServer> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((text: string) => console.log(text));
  const isRoot = process.getuid?.() === 0;
  const configuredHttpsPort = port(env.PORT, isRoot ? 443 : 8443, 'PORT');
  const configuredHttpPort = port(env.HTTP_PORT, isRoot ? 80 : 8080, 'HTTP_PORT');
  const schoolName = parseSchoolName(env.SCHOOL_NAME ?? defaultSchoolName());
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const httpApp = env.HTTP_APP === 'true';
  const currentAddresses = () => byFamily(lanAddresses(deps.interfaces?.()));

  let addresses = currentAddresses();
  let tls = await ensureSchoolTls({ dataDir, schoolName, names: namesToCertify(schoolName, addresses), now: now() });

  const storage = openStorageFromEnv(env);
  await storage.migrate(systemClock.now());
  // No demo school on a school's network: its password is published. The first teacher makes the school.
  const deployment = deploymentFromEnv(env, 'school', DEMO_EMAIL);
  const firstRun = !(await storage.hasAnySchool());

  let httpsServer: HttpsServer | null = null;
  const options = serverOptionsFromEnv(env, storage, deployment, deps.logStream);
  const app = await createServer({
    ...options,
    serverFactory: (handler) => {
      httpsServer = createHttpsServer({ key: tls.server.privateKey, cert: tls.server.certificate }, handler);
      return httpsServer;
    },
  });

  // The port really listened on is known only after listen (PORT=0 asks for a free one, as tests do).
  let httpsPort = configuredHttpsPort;
  let qrSvg = '';
  const setup: SetupSource = {
    authorityPem: tls.authority.certificate,
    schoolName,
    view: () => ({
      schoolName,
      schoolUrl: httpsUrl(schoolName, httpsPort),
      addressUrls: addresses.map((address) => httpsUrl(address, httpsPort)),
      fingerprint: fingerprint(tls.authority.certificate),
      authorityValidTo: validTo(tls.authority.certificate),
      qrSvg,
    }),
  };
  registerSetupRoutes(app, setup);

  const certified = (host: string) => {
    const names = namesToCertify(schoolName, addresses);
    return isIP(host) ? names.addresses.includes(normalizeAddress(host)) : names.hostNames.includes(host);
  };
  let front: FastifyInstance;
  if (httpApp) {
    front = await createServer(options);
    registerSetupRoutes(front, setup);
  } else {
    front = await createFrontDoor({
      setup,
      redirect: { httpsPort: () => httpsPort, schoolName, isCertified: certified },
      logger: options.logger,
    });
  }

  const host = env.HOST || undefined;
  try {
    await listen(app, configuredHttpsPort, host, 'https');
    await listen(front, configuredHttpPort, host, 'http');
  } catch (error) {
    // A port in use (or below 1024 without root): close what was opened, then say why.
    await Promise.allSettled([app.close(), front.close()]);
    await storage.close();
    throw error;
  }
  httpsPort = (app.server.address() as AddressInfo).port;
  const httpPort = (front.server.address() as AddressInfo).port;
  qrSvg = await qrCodeSvg(httpsUrl(schoolName, httpsPort));

  const stopAdvertising =
    isMdnsName(schoolName) && env.MDNS !== 'off'
      ? advertiseSchool({
          host: schoolName,
          port: httpsPort,
          log,
          ...(deps.advertiser ? { advertiser: deps.advertiser } : {}),
        })
      : () => undefined;

  const recheckCertificate = async () => {
    addresses = currentAddresses();
    tls = await ensureSchoolTls({ dataDir, schoolName, names: namesToCertify(schoolName, addresses), now: now() });
    if (tls.serverRenewed && httpsServer) {
      // New connections get the new certificate; tablets trust it through the same authority.
      httpsServer.setSecureContext({ key: tls.server.privateKey, cert: tls.server.certificate });
      log(`Waypoint: the server certificate was issued anew (${tls.serverRenewed}).`);
    }
    return tls;
  };
  const timer = setInterval(() => void recheckCertificate().catch((error: unknown) => log(String(error))), RECHECK_MS);
  timer.unref();

  log(
    await schoolBanner({
      schoolName,
      httpsPort,
      httpPort,
      addresses,
      fingerprint: fingerprint(tls.authority.certificate),
      storageKind: storage.kind,
      authorityCreated: tls.authorityCreated,
      serverRenewed: tls.serverRenewed,
      httpApp,
    }),
  );
  if (firstRun && deployment.signUp !== false) {
    log(
      "No school yet: on the first teacher's tablet, open the school address, then Settings → School server →\n" +
        'create the school account. After that no one else can make a school here (ALLOW_SIGN_UP=true allows it).',
    );
  } else if (firstRun) {
    log(
      'No school yet, and sign-up is off: make it with `npm run school:create` (README "Host it for a district"),\n' +
        'or start once with ALLOW_SIGN_UP=true and create the school account from a tablet.',
    );
  }
  log(addTeacherHint({ url: Boolean(env.DATABASE_URL), dataDir: env.DATA_DIR ? dataDir : null }));

  return {
    schoolName,
    httpsPort,
    httpPort,
    recheckCertificate,
    close: async () => {
      clearInterval(timer);
      stopAdvertising();
      // Each waits for its requests in flight (a push commits and is answered) before the database closes.
      await Promise.all([front.close(), app.close()]);
      await storage.close();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startSchool().then(
    (school) =>
      closeOnSignals({ close: () => school.close(), timeoutMs: shutdownTimeoutMs(process.env), log: console.log }),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
