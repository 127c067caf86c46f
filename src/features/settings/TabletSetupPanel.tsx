import { useT } from '#ui/useT.ts';

/**
 * A link to the school server's set-up page (served by the server, not the app, so a plain link: a tablet
 * that does not trust the school yet opens it over HTTP, and the service worker lets it through).
 */
export function TabletSetupPanel() {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="tablets-title">
      <h2 id="tablets-title">{t('settings.tablets')}</h2>
      <p>{t('settings.tabletsIntro')}</p>
      <p>
        <a className="button-link" href="/setup">
          {t('settings.setupLink')}
        </a>
      </p>
    </section>
  );
}
