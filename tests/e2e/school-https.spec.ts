/**
 * The school server end to end, as a school runs it (README "Run it in a school"): `npm run start:school`'s
 * entry on free ports, reached by a name that is not localhost (Chromium maps it to 127.0.0.1), the
 * school's certificate authority trusted through an NSS database made with certutil (no
 * --ignore-certificate-errors: a browser without that database refuses the site). Over HTTPS the service
 * worker controls the page, the app works offline after a reload and Chromium's fake camera gives the
 * photo of an observation; over plain HTTP by the same name the app says what will not work.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';

const SCHOOL = 'school.waypoint.test';
const base = Number(process.env.E2E_PORT ?? 4173);
const PORTS = { https: base + 1, http: base + 2, httpAppHttps: base + 3, httpApp: base + 4 };
const root = join(import.meta.dirname, '..', '..');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--host-resolver-rules=MAP ${SCHOOL} 127.0.0.1`,
];

/** README's "Run it in a school" is the recipe this file follows: its command and its addresses. */
function readmeRecipe(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /## Run it in a school\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  expect(section).toContain('npm ci && npm run start:school');
  expect(section).toContain('tests/e2e/school-https.spec.ts');
  return section;
}

/** What `npm run start:school` runs after building the app (the build is already done for e2e). */
function schoolCommand(): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const command = (scripts['start:school'] ?? '').replace(/^vite build && /, '');
  expect(command).toBe('node --import tsx server/school/main.ts');
  return command.split(' ');
}

interface Started {
  readonly process: ChildProcess;
  readonly output: () => string;
}

/** Starts the school server and waits for the line with its school address. */
async function startSchool(env: Record<string, string>): Promise<Started> {
  const [node, ...args] = schoolCommand();
  const child = spawn(node!, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', SCHOOL_NAME: SCHOOL, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const wanted = `https://${SCHOOL}:${env.PORT}/`;
  await expect.poll(() => output.includes(wanted) || child.exitCode !== null, { timeout: 60_000 }).toBe(true);
  expect(output, output).toContain(`School address:    ${wanted}`);
  // The set-up address the README tells the IT person to scan or type.
  expect(readmeRecipe()).toContain('`http://<ip>:8080/setup`');
  expect(output).toMatch(new RegExp(`Set up a tablet: +http://[^ ]+:${env.HTTP_PORT}/setup`));
  return { process: child, output: () => output };
}

async function stop(started: Started | undefined) {
  if (!started || started.process.exitCode !== null) return;
  const exited = new Promise((resolve) => started.process.once('exit', resolve));
  started.process.kill('SIGTERM');
  await exited;
}

/** A HOME whose NSS database trusts the school's certificate authority, as an IT person would set it up. */
function homeTrusting(caFile: string | null): string {
  const home = mkdtempSync(join(tmpdir(), 'waypoint-home-'));
  if (caFile) {
    const db = join(home, '.pki', 'nssdb');
    mkdirSync(db, { recursive: true });
    execFileSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password']);
    execFileSync('certutil', ['-d', `sql:${db}`, '-A', '-t', 'C,,', '-n', 'waypoint', '-i', caFile]);
  }
  return home;
}

function launch(home: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    env: { ...process.env, HOME: home },
  });
}

/** One frame of Chromium's fake camera through getUserMedia (a secure context only), as PNG bytes. */
async function photoFromFakeCamera(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    stream.getTracks().forEach((track) => track.stop());
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/** A small PNG drawn in the page (plain HTTP has no camera to take one). */
async function drawnPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#1d4e89';
    context.fillRect(40, 40, 200, 120);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

let school: Started | undefined;
let schoolWithHttpApp: Started | undefined;
const folders: string[] = [];

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-school-'));
  const otherDataDir = mkdtempSync(join(tmpdir(), 'waypoint-school-http-'));
  folders.push(dataDir, otherDataDir);
  [school, schoolWithHttpApp] = await Promise.all([
    startSchool({ PORT: String(PORTS.https), HTTP_PORT: String(PORTS.http), DATA_DIR: dataDir }),
    startSchool({
      PORT: String(PORTS.httpAppHttps),
      HTTP_PORT: String(PORTS.httpApp),
      DATA_DIR: otherDataDir,
      HTTP_APP: 'true',
    }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([stop(school), stop(schoolWithHttpApp)]);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('a tablet that trusts the school: HTTPS by name, offline after a reload, a photo from the camera', async () => {
  test.setTimeout(150_000);
  const caFile = join(folders[0]!, 'school-tls', 'ca.crt');
  const schoolUrl = `https://${SCHOOL}:${PORTS.https}/`;

  // Without the school's certificate the browser refuses the site: the trust below comes from the NSS database.
  const untrustingHome = homeTrusting(null);
  folders.push(untrustingHome);
  const untrusting = await launch(untrustingHome);
  const refused = await untrusting.newPage();
  await expect(refused.goto(schoolUrl)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  await untrusting.close();

  const home = homeTrusting(caFile);
  folders.push(home);
  const browser = await launch(home);
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // A tablet that scans the set-up code lands on plain HTTP: the set-up page, no redirect, nothing the
    // page's strict Content-Security-Policy had to block.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`http://${SCHOOL}:${PORTS.http}/setup`);
    await expect(page.getByRole('heading', { level: 1, name: 'Set up a tablet for Waypoint' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
    // The certificate a tablet downloads is the school's authority, in DER, with the type devices expect.
    const download = page.waitForEvent('download');
    await page.locator('#android').getByRole('link', { name: 'Download the school’s certificate' }).click();
    expect((await download).suggestedFilename()).toBe('waypoint-ca.crt');
    const der = readFileSync((await (await download).path())!);
    expect(new X509Certificate(der).fingerprint256).toBe(new X509Certificate(readFileSync(caFile)).fingerprint256);
    const served = await fetch(`http://127.0.0.1:${PORTS.http}/setup/waypoint-ca.crt`);
    expect(served.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    // Anything else over HTTP goes to the same path over HTTPS, which this tablet trusts.
    await page.goto(`http://${SCHOOL}:${PORTS.http}/class`);
    expect(page.url()).toBe(`${schoolUrl}class`);

    await page.goto(schoolUrl);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const roster = page.getByRole('list', { name: 'Students' });
    await expect(roster.getByRole('link')).toHaveCount(8);
    await expect(page.getByRole('complementary', { name: 'This connection is not secure' })).toHaveCount(0);

    // Settings links to the server's own set-up page (the service worker lets it through).
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Open the set-up page' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Set up a tablet for Waypoint' })).toBeVisible();
    expect(page.url()).toBe(`${schoolUrl}setup`);

    // Offline from here on: the app reloads from the service worker and records an observation with a photo.
    await page.goto(schoolUrl);
    await expect(roster.getByRole('link')).toHaveCount(8);
    await context.setOffline(true);
    await page.reload();
    await expect(roster.getByRole('link')).toHaveCount(8);
    await roster.getByRole('link').first().click();
    await page.getByRole('link', { name: 'Conference' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Conference with/ })).toBeVisible();
    const conferenceUrl = page.url();
    await page.getByRole('button', { name: 'Observation or work sample' }).first().click();
    const form = page.getByRole('form', { name: 'Observation or work sample' });
    await form.getByRole('radio', { name: /Proficient/ }).click();
    const note = `Photo from the school tablet ${Date.now()}`;
    await form.getByLabel('Note').fill(note);
    await form.getByLabel('Take or choose a photo').setInputFiles({
      name: 'camera.png',
      mimeType: 'image/png',
      buffer: await photoFromFakeCamera(page),
    });
    await expect(form.getByText(/Photo ready/)).toBeVisible();
    await form.getByRole('button', { name: 'Save evidence' }).click();
    await expect(form.getByText('Evidence saved.')).toBeVisible();
    await page.goto(conferenceUrl);
    const timeline = page.getByRole('list', { name: 'Evidence timeline' });
    await expect(timeline.getByText(note)).toBeVisible();
    await expect(timeline.getByRole('img', { name: 'Picture 1' }).first()).toBeVisible();
    expect(pageErrors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('the same name over plain HTTP: the app says what will not work and links to the set-up page', async () => {
  const home = homeTrusting(null);
  folders.push(home);
  const browser = await launch(home);
  try {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    const appUrl = `http://${SCHOOL}:${PORTS.httpApp}/`;
    await page.goto(`${appUrl}class`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const notice = page.getByRole('complementary', { name: 'This connection is not secure' });
    await expect(notice).toContainText(`Waypoint was opened at http://${SCHOOL}:${PORTS.httpApp}, without HTTPS`);
    await expect(notice.getByRole('listitem')).toHaveText([
      /Working offline/,
      /Installing Waypoint/,
      /The camera/,
      /The microphone/,
    ]);
    // The app still works while connected: the class is there, and an observation keeps a chosen photo
    // (hashed without WebCrypto, which plain HTTP lacks); the microphone explains instead of failing.
    const roster = page.getByRole('list', { name: 'Students' });
    await expect(roster.getByRole('link')).toHaveCount(8);
    await roster.getByRole('link').first().click();
    await page.getByRole('link', { name: 'Conference' }).click();
    await page.getByRole('button', { name: 'Observation or work sample' }).first().click();
    const form = page.getByRole('form', { name: 'Observation or work sample' });
    await expect(form.getByRole('note')).toContainText('Recording is off: this page was opened without HTTPS');
    await expect(form.getByRole('button', { name: /^Record$/ })).toHaveCount(0);
    await form.getByRole('radio', { name: /Proficient/ }).click();
    await form.getByLabel('Take or choose a photo').setInputFiles({
      name: 'work.png',
      mimeType: 'image/png',
      buffer: await drawnPhoto(page),
    });
    await expect(form.getByText(/Photo ready/)).toBeVisible();
    await form.getByRole('button', { name: 'Save evidence' }).click();
    await expect(form.getByText('Evidence saved.')).toBeVisible();

    await notice.getByRole('link', { name: 'How to set up this tablet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Set up a tablet for Waypoint' })).toBeVisible();
    expect(page.url()).toBe(`${appUrl}setup`);
  } finally {
    await browser.close();
  }
});
