import { uuidv7 } from '#protocol';
import { WaypointDb } from './database.ts';
import { browserEnv, type StoreEnv } from './env.ts';

/** A database plus the environment its writes are stamped with. Repositories take one of these. */
export interface Store {
  readonly db: WaypointDb;
  readonly env: StoreEnv;
}

export function openStore(name?: string, env: StoreEnv = browserEnv): Store {
  return { db: new WaypointDb(name), env };
}

/** ISO 8601 of the store's clock. */
export function nowIso(store: Store): string {
  return new Date(store.env.now()).toISOString();
}

/** A new record id, made on the device (UUID v7). */
export function newId(store: Store): string {
  return uuidv7(store.env.now(), store.env.randomBytes);
}
