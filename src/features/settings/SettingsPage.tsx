import { useLiveQuery } from 'dexie-react-hooks';
import { LANGUAGES } from '#i18n';
import { useLanguageStore } from '#state/language-store.ts';
import { readSyncStatus, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { StorageStatusPanel } from './StorageStatusPanel.tsx';
import { DemoDataPanel } from './DemoDataPanel.tsx';
import { ServerPanel } from './ServerPanel.tsx';
import { TabletSetupPanel } from './TabletSetupPanel.tsx';
import { DeviceRolePanel } from './DeviceRolePanel.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { SafePanel } from './SafePanel.tsx';

export default function SettingsPage() {
  const { t, language } = useT();
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  const store = useStore();
  // Only what will really be pushed: demo and starter records never are.
  const pending = useLiveQuery(async () => (await readSyncStatus(store)).pendingChanges, [store]);

  return (
    <section aria-labelledby="settings-title" className="page">
      <h1 id="settings-title">{t('settings.title')}</h1>

      <section className="card" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('settings.language')}</h2>
        <div role="radiogroup" aria-labelledby="lang-title" className="choice-row">
          {LANGUAGES.map((l) => (
            <button
              key={l.tag}
              type="button"
              role="radio"
              aria-checked={language === l.tag}
              lang={l.tag}
              onClick={() => setLanguage(l.tag)}
            >
              {l.name}
            </button>
          ))}
        </div>
      </section>

      <SafePanel>
        <ServerPanel />
      </SafePanel>
      <SafePanel>
        <TabletSetupPanel />
      </SafePanel>
      <SafePanel>
        <DeviceRolePanel />
      </SafePanel>
      <SafePanel>
        <StorageStatusPanel pendingChanges={pending} />
      </SafePanel>
      <SafePanel>
        <DemoDataPanel />
      </SafePanel>
      <ProblemsPanel />

      <p className="muted">
        {t('settings.version')}: {__APP_VERSION__}
      </p>
    </section>
  );
}
