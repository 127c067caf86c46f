import { getSetting, setSetting } from './settings-repository.ts';
import type { Store } from './store.ts';

/**
 * Family links made on this device, so the teacher can copy or turn them off later. Device-local (a
 * setting, never synced or backed up): the server keeps only each link's hash, so the address lives here.
 */
export interface RememberedFamilyLink {
  readonly id: string;
  readonly studentId: string;
  readonly url: string;
  readonly serverUrl: string;
  readonly createdAt: string;
}

const FAMILY_LINKS = 'familyLinks';

async function allLinks(store: Store): Promise<readonly RememberedFamilyLink[]> {
  return (await getSetting<RememberedFamilyLink[]>(store, FAMILY_LINKS)) ?? [];
}

/** The child's links made on this device for this server, newest first. */
export async function listFamilyLinks(
  store: Store,
  studentId: string,
  serverUrl: string,
): Promise<RememberedFamilyLink[]> {
  return (await allLinks(store))
    .filter((l) => l.studentId === studentId && l.serverUrl === serverUrl)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function rememberFamilyLink(store: Store, link: RememberedFamilyLink): Promise<void> {
  await store.db.transaction('rw', store.db.settings, async () => {
    const others = (await allLinks(store)).filter((l) => l.id !== link.id);
    await setSetting(store, FAMILY_LINKS, [...others, link]);
  });
}

/** After the server turned the link off: it no longer needs remembering. */
export async function forgetFamilyLink(store: Store, id: string): Promise<void> {
  await store.db.transaction('rw', store.db.settings, async () => {
    await setSetting(
      store,
      FAMILY_LINKS,
      (await allLinks(store)).filter((l) => l.id !== id),
    );
  });
}
