/** What the store needs from the outside world, injected so tests control time and randomness. */
export interface StoreEnv {
  readonly now: () => number;
  readonly randomBytes: (length: number) => Uint8Array;
}

export const browserEnv: StoreEnv = {
  now: () => Date.now(),
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};
