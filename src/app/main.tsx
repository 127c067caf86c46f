import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { getConnection, openStore, requestPersistentStorage, StoreProvider } from '#db';
import { loadAllLanguages, loadLanguage, toLanguage } from '#i18n';
import { useActivityStore } from '#state/activity-store.ts';
import { useLanguageStore } from '#state/language-store.ts';
import { FamilyLinkServiceContext } from '#state/family-links.ts';
import { SyncControllerContext, useSyncActivity } from '#state/sync-controller.ts';
import { preloadClassPage } from '#features/class/ClassPage.tsx';
import { App } from './App.tsx';
import { afterFirstScreen } from '#ui/first-screen.ts';
import { lazySyncController } from './lazy-sync.ts';
import { familyLinkService } from './family-link-service.ts';
import { FamilyRoot, isFamilyLinkPath } from './FamilyRoot.tsx';
import './styles.css';

/** A teacher's, student's or station's device: the local store, first-run content and sync. */
function startDevice(root: Root) {
  const store = openStore();
  // A teacher's tablet opens on its class (the installed app starts at '/', which leads there): its read
  // starts now, beside the read of the tablet's role, so the page can show as soon as the role is known.
  // (A station opened at '/' reads its class's summaries for nothing: cached for the day, so once a day.)
  if (['/', '/class'].includes(window.location.pathname)) preloadClassPage(store);
  const sync = lazySyncController(
    {
      store,
      onBusy: (busy) => {
        useSyncActivity.getState().setSyncing(busy);
        const activity = useActivityStore.getState();
        if (busy) activity.begin();
        else activity.end();
      },
    },
    undefined,
    afterFirstScreen(),
  );
  // First run loads the starter frameworks and the demo class; screens fill in as the data lands. Its code
  // is not part of the first screen's (every later start only reads two settings with it).
  void import('#db/demo-repository.ts')
    .then(({ seedFirstRun }) => seedFirstRun(store))
    .catch((error: unknown) => console.error('Could not load starter content', error));
  void requestPersistentStorage().catch(() => undefined);
  const familyLinks = familyLinkService({ connection: () => getConnection(store), origin: window.location.origin });

  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <SyncControllerContext.Provider value={sync}>
          <FamilyLinkServiceContext.Provider value={familyLinks}>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </FamilyLinkServiceContext.Provider>
        </SyncControllerContext.Provider>
      </StoreProvider>
    </StrictMode>,
  );
}

/** A family opening a read-only link: the report only, read from the server that served this page. */
function startFamilyView(root: Root) {
  const service = familyLinkService({ connection: async () => null, origin: window.location.origin });
  root.render(
    <StrictMode>
      <BrowserRouter>
        <FamilyRoot service={service} />
      </BrowserRouter>
    </StrictMode>,
  );
}

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root');
// The first screen's English ships in the app; the device's own language, if not English, is loaded before
// the first render, the rest once the first screen has painted (a child's or a family's language may differ
// from the tablet's).
async function start(root: HTMLElement) {
  if (isFamilyLinkPath(window.location.pathname)) {
    await loadAllLanguages().catch(() => undefined);
    startFamilyView(createRoot(root));
  } else {
    const language = toLanguage(useLanguageStore.getState().language);
    if (language !== 'en') await loadLanguage(language).catch(() => undefined);
    startDevice(createRoot(root));
    void afterFirstScreen().then(() => loadAllLanguages().catch(() => undefined));
  }
}

void start(element);
