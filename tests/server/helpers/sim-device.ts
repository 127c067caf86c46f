/**
 * A minimal simulated device for server convergence tests: a local store merged last-writer-wins per
 * field, an outbox, a hybrid logical clock with a skewed wall clock, and push/pull over HTTP. It follows
 * the protocol as docs/sync-protocol.md states it: a change refused as `clockAhead` is stamped again from
 * the clock corrected by the server's time and sent again; any other refusal is final, and the device puts
 * the record back to the server's `current` state. The real client engine lives in src/sync.
 */
import {
  formatHlc,
  MAX_CLOCK_AHEAD_MS,
  PROTOCOL_VERSION,
  receiveHlc,
  tickHlc,
  type Change,
  type HlcState,
  type PullResponse,
  type PushResponse,
  type RejectedChange,
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
  /** Final refusals the server gave, for the test to look at. */
  readonly refused: RejectedChange[] = [];
  private clock: HlcState = { wallMs: 0, counter: 0 };
  private seq = 0;
  /** Added to the skewed clock once the server said how far off it is. */
  private correctionMs = 0;

  constructor(
    readonly id: string,
    private readonly token: string,
    /** Milliseconds this tablet's clock is off by. */
    private readonly skewMs: number,
    private readonly now: () => number,
  ) {}

  private localNow(): number {
    return this.now() + this.skewMs + this.correctionMs;
  }

  private stamp(): string {
    this.clock = tickHlc(this.clock, this.localNow());
    return formatHlc(this.clock, this.id);
  }

  /**
   * The server said this clock is far ahead: correct it by the server's time, move the logical clock back,
   * and stamp every waiting change that is still too far ahead again, in order, here and in the outbox.
   */
  private restamp(serverTime: number): void {
    this.correctionMs += serverTime - this.localNow();
    this.clock = { wallMs: this.localNow(), counter: 0 };
    const bound = `${String(this.localNow() + MAX_CLOCK_AHEAD_MS).padStart(13, '0')}-`;
    this.outbox = this.outbox.map((change) => {
      if (change.hlc < bound) return change;
      const hlc = this.stamp();
      const record = this.store.get(`${change.table}/${change.recordId}`);
      for (const name of Object.keys(change.fields)) {
        const field = record?.get(name);
        if (field?.hlc === change.hlc) field.hlc = hlc;
      }
      return { ...change, hlc };
    });
  }

  /** A final refusal: the record as the server holds it for this device, then this device's waiting changes. */
  private putBack(refusal: RejectedChange, change: Change): void {
    const key = `${change.table}/${change.recordId}`;
    const restored = new Map<string, Field>();
    for (const [name, value] of Object.entries(refusal.current?.fields ?? {})) {
      restored.set(name, { value, hlc: refusal.current?.stamps[name] ?? '' });
    }
    if (restored.size === 0) this.store.delete(key);
    else this.store.set(key, restored);
    for (const waiting of this.outbox) {
      if (
        waiting.changeId !== change.changeId &&
        waiting.table === change.table &&
        waiting.recordId === change.recordId
      ) {
        this.apply(waiting);
      }
    }
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
    const final = answer.body.rejected.filter((r) => r.code !== 'clockAhead');
    const done = new Set([...answer.body.accepted, ...final.map((r) => r.changeId)]);
    for (const refusal of final) {
      const change = batch.find((c) => c.changeId === refusal.changeId);
      this.outbox = this.outbox.filter((c) => c.changeId !== refusal.changeId);
      if (change) this.putBack(refusal, change);
      this.refused.push(refusal);
    }
    this.outbox = this.outbox.filter((c) => !done.has(c.changeId));
    if (answer.body.rejected.some((r) => r.code === 'clockAhead')) this.restamp(answer.body.serverTime);
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
        this.clock = receiveHlc(this.clock, change.hlc, this.localNow());
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
