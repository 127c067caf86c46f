/**
 * The real server (SQLite, the built app) holding one school year, pushed as its tablets pushed it: the
 * teacher signs up (the school), then each tablet of the year (the teacher's, signed in with the account;
 * the aide's, joined to the class as a teacher tablet; two stations, joined with the class's join code)
 * pushes its changes at the end of each school day, in batches of at most 500, and uploads the photos,
 * drawings and voice clips it recorded that day. Every change must be accepted. The year is moved so that
 * its last school day is the day before today (a tablet joining in June), so the app's "today" follows it.
 */
import {
  MAX_PUSH_CHANGES,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Change,
  type ClassListResponse,
  type PushResponse,
  type SessionResponse,
} from '#protocol';
import {
  firstMondayEndingBefore,
  generateYearClass,
  mediaBytes,
  type MediaRef,
  type YearClass,
  type YearOptions,
} from '#tests/helpers/year-class/index.ts';
import { startAppServer, type AppServer } from './chromium.ts';

export const YEAR_EMAIL = 'year-bench@bench.test';
export const YEAR_PASSWORD = 'bench password for the year';

export interface YearServer extends AppServer {
  readonly year: YearClass;
  /** How long pushing the records and uploading the media took (ms), for the detail line. */
  readonly pushMs: number;
  readonly uploadMs: number;
  readonly mediaBytes: number;
}

/** `uploadMedia: false` leaves the media off the server (a bench that measures records alone). */
export async function serveYear(options: YearOptions = {}, uploadMedia = true): Promise<YearServer> {
  // Four tablets sent this year over 180 days; here it arrives in a minute, past the per-device request
  // budget meant for a tablet's real pace, so the budget is lifted for this server.
  const server = await startAppServer({ tokenRequestsPerMinute: 100_000 });
  try {
    const api = apiClient(server.base);
    // Sign-up answers 202 whether or not the email is new; the session comes from signing in.
    await api.post('/auth/sign-up', {
      email: YEAR_EMAIL,
      password: YEAR_PASSWORD,
      displayName: 'Ms Rivera',
      schoolName: 'Lakeside Elementary',
    });
    const teacher = await api.post<SessionResponse>('/auth/sign-in', { email: YEAR_EMAIL, password: YEAR_PASSWORD });
    const today = new Date().toISOString().slice(0, 10);
    const year = generateYearClass({
      firstMonday: firstMondayEndingBefore(today),
      ...options,
      schoolId: teacher.scope.schoolId,
      teacherId: teacher.teacherId!,
    });
    const tokens = new Map<string, string>();
    const tokenOf = async (deviceId: string): Promise<string> => {
      const known = tokens.get(deviceId);
      if (known) return known;
      const device = year.devices.find((d) => d.id === deviceId)!;
      let session: SessionResponse;
      if (device.joinedDay < 0) {
        session = await api.post('/auth/sign-in', { email: YEAR_EMAIL, password: YEAR_PASSWORD, deviceId });
      } else {
        const first = tokens.get(year.devices[0]!.id)!;
        const { classes } = await api.get<ClassListResponse>('/classes', first);
        const joinCode = classes.find((c) => c.classId === year.classId)!.joinCode;
        const body = { joinCode, kind: device.kind, deviceId, deviceName: device.name };
        session = await api.post('/devices/enroll', body, device.kind === 'teacher' ? first : undefined);
      }
      tokens.set(deviceId, session.token);
      return session.token;
    };

    const signedIn = new Map<string, string>();
    let pushMs = 0;
    let uploadMs = 0;
    let bytes = 0;
    for (const round of year.rounds) {
      const token = await tokenOf(round.deviceId);
      const station = year.devices.find((d) => d.id === round.deviceId)?.kind === 'station';
      let started = performance.now();
      for (const changes of pushBatches(round.changes, station)) {
        // A station pushes with a child signed in, and a child's own choice with that child signed in.
        const child = station ? childToSignIn(changes, signedIn.get(round.deviceId)) : undefined;
        if (station && child !== undefined) {
          await api.post('/station/sign-in', { studentId: child }, token);
          signedIn.set(round.deviceId, child);
        }
        const answer = await api.post<PushResponse>(
          '/sync/push',
          { protocolVersion: PROTOCOL_VERSION, deviceId: round.deviceId, changes },
          token,
        );
        if (answer.rejected.length > 0 || answer.accepted.length !== changes.length) {
          throw new Error(`The server refused part of the year: ${JSON.stringify(answer.rejected.slice(0, 3))}`);
        }
      }
      pushMs += performance.now() - started;
      started = performance.now();
      if (uploadMedia) bytes += await uploadAll(server.base, token, year, round.media);
      uploadMs += performance.now() - started;
    }
    return { ...server, year, pushMs, uploadMs, mediaBytes: bytes };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A round's changes in pushes of at most MAX_PUSH_CHANGES; on a station, a child's choices (decisions) in
 * a push of their own, since only the signed-in child may choose.
 */
function pushBatches(changes: readonly Change[], station: boolean): Change[][] {
  const batches: Change[][] = [];
  const key = (change: Change) => (station && change.table === 'decisions' ? childOf(change) : '');
  for (const change of changes) {
    const last = batches.at(-1);
    if (last && last.length < MAX_PUSH_CHANGES && key(last[0]!) === key(change)) last.push(change);
    else batches.push([change]);
  }
  return batches;
}

/** The child a station must sign in before this push, if not the one signed in now. */
function childToSignIn(changes: readonly Change[], current: string | undefined): string | undefined {
  const wanted = changes[0]!.table === 'decisions' ? childOf(changes[0]!) : (current ?? childOf(changes[0]!));
  return wanted === current ? undefined : wanted;
}

function childOf(change: Change): string {
  return String(change.fields['studentId'] ?? '');
}

/** Uploads a round's media a few at a time (a tablet uploads one by one; this only saves bench time). */
async function uploadAll(base: string, token: string, year: YearClass, media: readonly MediaRef[]): Promise<number> {
  let bytes = 0;
  const queue = [...media];
  const worker = async () => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) {
      const { bytes: body, mime } = mediaBytes(year, ref);
      bytes += body.length;
      const put = () =>
        fetch(`${base}/api/v1/blobs/${ref.id}`, {
          method: 'PUT',
          headers: {
            'content-type': mime,
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
            authorization: `Bearer ${token}`,
          },
          body: new Uint8Array(body),
        });
      let response = await put();
      // The per-device request budget throttles a year of uploads in seconds: wait as told, as a tablet does.
      for (let tries = 0; response.status === 429 && tries < 30; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
        response = await put();
      }
      if (!response.ok) throw new Error(`Uploading ${ref.kind} ${ref.id}: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return bytes;
}

function apiClient(base: string) {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> => {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    // A kept-alive socket the server closes as it is reused fails the request: send it again (every call
    // here is idempotent: pushes by change id, sign-up and sign-in answer alike).
    const send = () => fetch(`${base}/api/v1${path}`, init).catch(() => fetch(`${base}/api/v1${path}`, init));
    let response = await send();
    // The server throttles a device that sends too much at once (a year of pushes in seconds): wait as told.
    for (let tries = 0; response.status === 429 && tries < 30; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
      response = await send();
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: <T>(path: string, token?: string) => call<T>('GET', path, undefined, token),
    post: <T>(path: string, body: unknown, token?: string) => call<T>('POST', path, body, token),
  };
}
