/**
 * What the school server prints at start: the school address (a line with https://<name>:<port>/), the
 * same by IP address for networks that block mDNS, the set-up address with a QR code a tablet's camera
 * can scan, and how to give a colleague their own sign-in.
 */
import QRCode from 'qrcode';
import { httpsUrl, setupUrl } from './school-urls.ts';

export interface BannerFacts {
  readonly schoolName: string;
  readonly httpsPort: number;
  readonly httpPort: number;
  readonly addresses: readonly string[];
  readonly fingerprint: string;
  readonly storageKind: string;
  readonly authorityCreated: boolean;
  readonly serverRenewed: string | null;
  readonly httpApp: boolean;
}

export async function schoolBanner(facts: BannerFacts): Promise<string> {
  const setupHost = facts.addresses[0] ?? facts.schoolName;
  const setup = setupUrl(setupHost, facts.httpPort);
  const qr = await QRCode.toString(setup, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
  const lines = [
    '',
    `Waypoint school server (storage: ${facts.storageKind})`,
    `  School address:    ${httpsUrl(facts.schoolName, facts.httpsPort)}`,
    ...facts.addresses.map((address) => `  Also by address:   ${httpsUrl(address, facts.httpsPort)}`),
    `  Set up a tablet:   ${setup}  (scan the code below with the tablet's camera)`,
    ...(facts.addresses.length === 0 ? ['  No LAN address: connect this machine to the school network.'] : []),
    `  School certificate (SHA-256): ${facts.fingerprint}`,
    facts.authorityCreated
      ? '  A new school certificate authority was made: every tablet installs it once (see the set-up page).'
      : '  Tablets that trust this school already need nothing new.',
    ...(facts.serverRenewed ? [`  The server certificate was issued anew (${facts.serverRenewed}).`] : []),
    ...(facts.httpApp
      ? ['  HTTP_APP=true: the app is also served over plain HTTP (no offline use, install, camera or microphone).']
      : []),
    '',
    qr,
  ];
  return lines.join('\n');
}

/** A value as a POSIX shell reads it back unchanged. */
function shellWord(value: string): string {
  return /^[\w./:@%+=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Sign-up closes once the school exists, so each colleague gets an account from whoever runs this machine,
 * with the command that writes to this server's database: its DATA_DIR (absolute, so it holds from any
 * folder), or its DATABASE_URL, not printed as it may hold a password.
 */
export function addTeacherHint(database: { readonly url: boolean; readonly dataDir: string | null }): string {
  const where = database.url
    ? 'DATABASE_URL=<this server’s> '
    : database.dataDir !== null
      ? `DATA_DIR=${shellWord(database.dataDir)} `
      : '';
  return (
    'A colleague\'s own sign-in: on this machine, in the project folder (README "Run it in a school"):\n' +
    `  ${where}npm run school:add-teacher -- --email colleague@school.org --name "Mr Okafor"`
  );
}
