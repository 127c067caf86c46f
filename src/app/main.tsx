import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { openStore, requestPersistentStorage, seedFirstRun, StoreProvider } from '#db';
import { createSyncController } from '#sync';
import { useActivityStore } from '#state/activity-store.ts';
import { SyncControllerContext, useSyncActivity } from '#state/sync-controller.ts';
import { App } from './App.tsx';
import './styles.css';

const store = openStore();
const sync = createSyncController({
  store,
  onBusy: (busy) => {
    useSyncActivity.getState().setSyncing(busy);
    const activity = useActivityStore.getState();
    if (busy) activity.begin();
    else activity.end();
  },
});
void sync.resume();
// First run loads the starter frameworks and the demo class; screens fill in as the data lands.
void seedFirstRun(store).catch((error: unknown) => console.error('Could not load starter content', error));
void requestPersistentStorage().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <SyncControllerContext.Provider value={sync}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SyncControllerContext.Provider>
    </StoreProvider>
  </StrictMode>,
);
