import { describe, expect, it } from 'vitest';
import { backoffDelay, createSyncScheduler } from '#sync';
import { fakeSchedulerEnv as fakeEnv } from './fake-scheduler-env.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('sync scheduler', () => {
  it('syncs at start, shortly after a write, and periodically', async () => {
    const f = fakeEnv();
    let runs = 0;
    const s = createSyncScheduler({ env: f.env, run: async () => void runs++, afterWriteMs: 2000, periodMs: 60_000 });
    s.start();
    await flush();
    expect(runs).toBe(1);
    expect(f.nextTimerIn()).toBe(60_000);

    s.noteWrite();
    expect(f.nextTimerIn()).toBe(2000);
    await f.advance(2000);
    expect(runs).toBe(2);
    await f.advance(60_000);
    expect(runs).toBe(3);
    s.stop();
  });

  it('backs off with growing delays after failures, and resets when the network returns', async () => {
    const f = fakeEnv();
    let fail = true;
    const errors: unknown[] = [];
    const s = createSyncScheduler({
      env: f.env,
      run: async () => {
        if (fail) throw new Error('server down');
      },
      onError: (e) => errors.push(e),
    });
    s.start();
    await flush();
    expect(f.nextTimerIn()).toBe(backoffDelay(1, () => 1));
    await f.advance(f.nextTimerIn()!);
    expect(f.nextTimerIn()).toBe(backoffDelay(2, () => 1));
    expect(errors).toHaveLength(2);

    s.noteWrite(); // writes do not cut the backoff short
    expect(f.nextTimerIn()).toBe(backoffDelay(2, () => 1));

    fail = false;
    f.goOffline();
    f.goOnline();
    await flush();
    expect(errors).toHaveLength(2);
    expect(f.nextTimerIn()).toBe(60_000);
    s.stop();
  });

  it('does not sync while offline, nor while another tab holds the lock', async () => {
    const f = fakeEnv();
    let runs = 0;
    const s = createSyncScheduler({ env: f.env, run: async () => void runs++ });
    f.goOffline();
    s.start();
    await flush();
    expect(runs).toBe(0);
    f.holdLock(true);
    f.goOnline();
    await flush();
    expect(runs).toBe(0);
    f.holdLock(false);
    await s.syncNow();
    expect(runs).toBe(1);
    s.stop();
  });

  it('asked to sync during a round, resolves only after a round that began after the asking', async () => {
    const f = fakeEnv();
    const began: number[] = [];
    let finishRound: () => void = () => undefined;
    let rounds = 0;
    const s = createSyncScheduler({
      env: f.env,
      run: () => {
        began.push(++rounds);
        return new Promise<void>((resolve) => (finishRound = resolve));
      },
    });
    void s.start();
    await flush();
    expect(began).toEqual([1]);
    // A write lands while round 1 is already under way (its outbox was read): "sync now" must send it too.
    let done = false;
    const asked = s.syncNow().then(() => void (done = true));
    finishRound();
    await flush();
    expect(began).toEqual([1, 2]);
    expect(done).toBe(false);
    finishRound();
    await asked;
    expect(done).toBe(true);
    s.stop();
  });
});

describe('backoffDelay', () => {
  it('doubles up to five minutes and jitters between half and all of it', () => {
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
  });
});
