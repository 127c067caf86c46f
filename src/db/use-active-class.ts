import { useLiveQuery } from 'dexie-react-hooks';
import { getClass, listClasses } from './classes-repository.ts';
import { ACTIVE_CLASS_KEY } from './demo-repository.ts';
import type { ClassRecord } from './records.ts';
import { getSetting } from './settings-repository.ts';
import { useStore } from './store-context.tsx';

/** The class this device works with: the chosen one, else the first. `undefined` while loading. */
export function useActiveClass(): ClassRecord | null | undefined {
  const store = useStore();
  return useLiveQuery(async () => {
    const chosen = await getSetting<string>(store, ACTIVE_CLASS_KEY);
    const group = chosen ? await getClass(store, chosen) : undefined;
    return group ?? (await listClasses(store))[0] ?? null;
  }, [store]);
}
