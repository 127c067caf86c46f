import { useT } from '#ui/useT.ts';

/**
 * /setup is the school server's own page (server/school). The app shows this only when the server sent the
 * app instead, i.e. when it is not a school server (`npm start`, or Vite's dev server).
 */
export function SetupPageMissing() {
  const { t } = useT();
  return (
    <section className="page" aria-labelledby="setup-missing-title">
      <h1 id="setup-missing-title">{t('setup.missingTitle')}</h1>
      <p>{t('setup.missing')}</p>
    </section>
  );
}
