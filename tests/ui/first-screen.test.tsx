import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module holds one first screen per page load: each test gets a fresh copy. */
async function freshModule() {
  vi.resetModules();
  return import('#ui/first-screen.ts');
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('the first screen', () => {
  afterEach(() => vi.useRealTimers());

  it('lets what waits for it go once it has mounted and a frame has painted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const { afterFirstScreen, FirstScreenShown } = await freshModule();
    const waiting = afterFirstScreen();
    expect(await settled(waiting)).toBe(false);
    render(<FirstScreenShown />);
    expect(await settled(waiting)).toBe(false); // mounted, not yet painted
    await vi.advanceTimersByTimeAsync(20); // the next animation frame, then the task after it
    expect(await settled(waiting)).toBe(true);
  });

  it('lets it go after FIRST_SCREEN_WAIT_MS when no screen comes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    const { afterFirstScreen, FIRST_SCREEN_WAIT_MS } = await freshModule();
    const waiting = afterFirstScreen();
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_WAIT_MS - 1);
    const askedLater = afterFirstScreen(); // the wait counts from the first caller
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
    expect(await settled(askedLater)).toBe(true);
  });
});
