import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FamilyLinkServiceContext, type FamilyLinkService } from '#state/family-links.ts';

const FamilyLinkPage = lazy(() => import('#features/family/FamilyLinkPage.tsx'));

/** `/family/<token>`: the page a family opens from a link (read-only, one child). */
export function isFamilyLinkPath(pathname: string): boolean {
  return /^\/family\/[^/]+\/?$/.test(pathname);
}

/**
 * The whole app as a family sees it: the report and nothing else. Rendered instead of <App /> (see
 * main.tsx), so it opens no local database, loads no demo class, never syncs and installs no service worker.
 */
export function FamilyRoot({ service }: { service: FamilyLinkService }) {
  return (
    <FamilyLinkServiceContext.Provider value={service}>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={null}>
          <Routes>
            <Route path="/family/:token" element={<FamilyLinkPage />} />
          </Routes>
        </Suspense>
      </main>
    </FamilyLinkServiceContext.Provider>
  );
}
