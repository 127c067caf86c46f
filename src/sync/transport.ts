import {
  API_PREFIX,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Cursor,
  type DeviceStatusReport,
  type ErrorBody,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '#protocol';

/** What the sync engine needs from the network; injected so tests can drop or duplicate requests. */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(since: Cursor, limit: number): Promise<PullResponse>;
  putBlob(id: string, bytes: ArrayBuffer, mime: string): Promise<void>;
  getBlob(id: string): Promise<{ bytes: ArrayBuffer; mime: string }>;
  /** Tells the server this device's storage and what waits (`POST /sync/status`); absent in some fakes. */
  reportStatus?(report: DeviceStatusReport): Promise<void>;
}

/** A failed sync request, with a reason a teacher can read and whether trying again may help. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    /** The server's `error.details`, when it sent some (e.g. a weak password's reason). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface HttpTransportOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
}

export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/$/, '') + API_PREFIX;

  async function request(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(base + path, {
        ...init,
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          authorization: `Bearer ${options.token}`,
          ...init.headers,
        },
      });
    } catch {
      throw new SyncError('The server could not be reached.', 'network', true);
    }
    if (response.ok) return response;
    throw await toSyncError(response);
  }

  return {
    async push(body) {
      const response = await request('/sync/push', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return (await response.json()) as PushResponse;
    },
    async pull(since, limit) {
      const query = new URLSearchParams({ since, limit: String(limit) });
      return (await (await request(`/sync/pull?${query}`, { method: 'GET' })).json()) as PullResponse;
    },
    async putBlob(id, bytes, mime) {
      await request(`/blobs/${id}`, { method: 'PUT', body: bytes, headers: { 'content-type': mime } });
    },
    async getBlob(id) {
      const response = await request(`/blobs/${id}`, { method: 'GET' });
      return {
        bytes: await response.arrayBuffer(),
        mime: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    },
    async reportStatus(report) {
      await request('/sync/status', {
        method: 'POST',
        body: JSON.stringify(report),
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

export async function toSyncError(response: Response): Promise<SyncError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const code = body?.error.code ?? `http${response.status}`;
  const message = body?.error.message ?? `The server answered ${response.status}.`;
  // Server trouble and throttling pass; a refused token or an outdated app do not fix themselves.
  const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
  return new SyncError(message, code, retryable, body?.error.details ?? []);
}
