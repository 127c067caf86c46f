/**
 * A minimal simulated device for server convergence tests: a local store merged last-writer-wins per
 * field, an outbox, a hybrid logical clock with a skewed wall clock, and push/pull over HTTP. It follows
 * the protocol as docs/sync-protocol.md states it; the real client engine lives in src/sync.
 */
import {
  formatHlc,
  PROTOCOL_VERSION,
  receiveHlc,
  tickHlc,
  type Change,
  type HlcState,
  type PullResponse,
  type PushResponse,
  type SyncedTable,
} from '#protocol';
import type { TestServer } from './http.ts';

export type Fault = 'none' | 'dropRequest' | 'dropResponse' | 'duplicate';

interface Field {
  value: unknown;
  hlc: string;
}

export class SimDevice {
  readonly store = new Map<string, Map<string, Field>>();
  outbox: Change[] = [];
  cursor = '0';
  private clock: HlcState = { wallMs: 0, counter: 0 };
  private seq = 0;

  constructor(
    readonly id: string,
    private readonly token: string,
    /** Milliseconds this tablet's clock is off by. */
    private readonly skewMs: number,
    private readonly now: () => number,
  ) {}

  private stamp(): string {
    this.clock = tickHlc(this.clock, this.now() + this.skewMs);
    return formatHlc(this.clock, this.id);
  }

  /** A local write: the row and the outbox entry together, as src/db does in one transaction. */
  write(table: SyncedTable, recordId: string, fields: Record<string, unknown>): void {
    const change: Change = { changeId: `${this.id}-c${++this.seq}`, table, recordId, fields, hlc: this.stamp() };
    this.apply(change);
    this.outbox.push(change);
  }

  private apply(change: Pick<Change, 'table' | 'recordId' | 'fields' | 'hlc'>): void {
    const key = `${change.table}/${change.recordId}`;
    let record = this.store.get(key);
    if (!record) this.store.set(key, (record = new Map()));
    for (const [name, value] of Object.entries(change.fields)) {
      const current = record.get(name);
      if (!current || current.hlc < change.hlc) record.set(name, { value, hlc: change.hlc });
    }
  }

  /** One push of up to `max` outbox entries; answers whether the device saw a response. */
  async push(server: TestServer, fault: Fault, max = 20): Promise<boolean> {
    if (this.outbox.length === 0 || fault === 'dropRequest') return fault !== 'dropRequest';
    const batch = this.outbox.slice(0, max);
    const send = () =>
      server.call<PushResponse>('POST', '/api/v1/sync/push', {
        token: this.token,
        body: { protocolVersion: PROTOCOL_VERSION, deviceId: this.id, changes: batch },
      });
    let answer = await send();
    if (fault === 'duplicate') answer = await send();
    if (fault === 'dropResponse') return false;
    if (answer.status !== 200) throw new Error(`push failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const done = new Set([...answer.body.accepted, ...answer.body.rejected.map((r) => r.changeId)]);
    if (answer.body.rejected.length > 0)
      throw new Error(`unexpected rejection: ${JSON.stringify(answer.body.rejected)}`);
    this.outbox = this.outbox.filter((c) => !done.has(c.changeId));
    return true;
  }

  /** Pulls pages until caught up (or the fault drops a response). */
  async pull(server: TestServer, fault: Fault, limit = 25): Promise<void> {
    for (let page = 0; page < 1000; page++) {
      if (fault === 'dropRequest') return;
      const r = await server.call<PullResponse>('GET', `/api/v1/sync/pull?since=${this.cursor}&limit=${limit}`, {
        token: this.token,
      });
      if (fault === 'dropResponse') return;
      if (r.status !== 200) throw new Error(`pull failed: ${r.status}`);
      for (const change of r.body.changes) {
        this.clock = receiveHlc(this.clock, change.hlc, this.now() + this.skewMs);
        this.apply(change);
      }
      this.cursor = r.body.cursor;
      if (!r.body.hasMore) return;
    }
  }

  /** The store as plain values, for comparing with the server and other devices. */
  snapshot(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [key, record] of [...this.store].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out[key] = Object.fromEntries([...record].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, f]) => [n, f.value]));
    }
    return out;
  }
}
