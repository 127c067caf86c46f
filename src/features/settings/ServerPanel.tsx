import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDemoRetired, readSyncStatus, useStore } from '#db';
import { useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import { ChangePasswordPanel } from './ChangePasswordPanel.tsx';
import { ClassesAndDevices } from './ClassesAndDevices.tsx';
import { JoinClassForm } from './JoinClassForm.tsx';
import { NotSavedPanel } from './NotSavedPanel.tsx';
import { SignInForm } from './SignInForm.tsx';
import { SignUpForm } from './SignUpForm.tsx';

/**
 * Connect this device to a school server (teacher sign-in, a new school, or joining one class by its
 * join code), or leave it. A connected teacher also manages classes' join codes and devices.
 */
export function ServerPanel() {
  const { t } = useT();
  const id = useId();
  const store = useStore();
  const controller = useSyncController();
  const status = useLiveQuery(() => readSyncStatus(store), [store]);
  const demoRetired = useLiveQuery(() => getDemoRetired(store), [store]);
  const [baseUrl, setBaseUrl] = useState(() => window.location.origin);
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signIn');

  if (status === undefined) return null;
  const connection = status.connection;
  if (!connection) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('sync.title')}</h2>
        <p>{t('sync.intro')}</p>
        <label htmlFor={`${id}-server`}>{t('sync.server')}</label>
        <input id={`${id}-server`} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        {mode === 'signIn' ? (
          <SignInForm baseUrl={baseUrl} onCreateAccount={() => setMode('signUp')} />
        ) : (
          <SignUpForm baseUrl={baseUrl} onBack={() => setMode('signIn')} />
        )}
        <JoinClassForm baseUrl={baseUrl} />
      </section>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('sync.title')}</h2>
        <p>{t('sync.connectedAs', { server: connection.baseUrl, kind: t(`sync.kind.${connection.kind}`) })}</p>
        <div className="choice-row">
          <button type="button" onClick={() => void controller.syncNow()}>
            {t('sync.syncNow')}
          </button>
          <button type="button" className="secondary" onClick={() => void controller.disconnect()}>
            {t('sync.disconnect')}
          </button>
        </div>
        {demoRetired ? (
          <p data-testid="demo-retired">{t('sync.demoRetired', { name: demoRetired.className })}</p>
        ) : null}
        {status.uploadsHeld ? <p role="status">{t('sync.uploadsHeld')}</p> : null}
        {status.lastError ? <p role="alert">{t('sync.problem', { reason: status.lastError })}</p> : null}
        <NotSavedPanel status={status} />
      </section>
      {connection.kind === 'teacher' ? (
        <ClassesAndDevices key={connection.deviceTokenId} connection={connection} />
      ) : null}
      {/* The account's own sign-in only: a class tablet holds a token of its own, not the account's password. */}
      {connection.kind === 'teacher' && connection.scope.classId === undefined ? (
        <ChangePasswordPanel key={connection.deviceTokenId} />
      ) : null}
    </>
  );
}
