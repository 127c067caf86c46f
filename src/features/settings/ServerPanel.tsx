import { useId, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { readSyncStatus, useStore } from '#db';
import { useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';

/** Connect this device to a school server (teacher sign-in, or a station by join code), or leave it. */
export function ServerPanel() {
  const { t } = useT();
  const id = useId();
  const store = useStore();
  const controller = useSyncController();
  const status = useLiveQuery(() => readSyncStatus(store), [store]);
  const [baseUrl, setBaseUrl] = useState(() => window.location.origin);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [joinCode, setJoinCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (event: FormEvent, work: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await work();
      setPassword('');
    } catch (e) {
      setError(t('sync.failed', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  if (status === undefined) return null;
  const connection = status.connection;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sync.title')}</h2>
      {connection ? (
        <>
          <p>{t('sync.connectedAs', { server: connection.baseUrl, kind: t(`sync.kind.${connection.kind}`) })}</p>
          <div className="choice-row">
            <button type="button" onClick={() => void controller.syncNow()}>
              {t('sync.syncNow')}
            </button>
            <button type="button" className="secondary" onClick={() => void controller.disconnect()}>
              {t('sync.disconnect')}
            </button>
          </div>
          {status.lastError ? <p role="alert">{t('sync.problem', { reason: status.lastError })}</p> : null}
          {status.refused.length > 0 ? (
            <>
              <p>{t('sync.refused')}</p>
              <ul>
                {status.refused.map((r) => (
                  <li key={r.changeId}>{r.reason}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <>
          <p>{t('sync.intro')}</p>
          <label htmlFor={`${id}-server`}>{t('sync.server')}</label>
          <input id={`${id}-server`} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
          <form onSubmit={(e) => void attempt(e, () => controller.signIn(baseUrl, email, password))}>
            <label htmlFor={`${id}-email`}>{t('sync.email')}</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
            <label htmlFor={`${id}-password`}>{t('sync.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
            <div className="form-actions">
              <button type="submit" disabled={busy}>
                {busy ? t('sync.signingIn') : t('sync.signIn')}
              </button>
            </div>
          </form>
          <form onSubmit={(e) => void attempt(e, () => controller.enrollStation(baseUrl, joinCode))}>
            <h3>{t('sync.orStation')}</h3>
            <label htmlFor={`${id}-code`}>{t('sync.joinCode')}</label>
            <input
              id={`${id}-code`}
              value={joinCode}
              onChange={(e) => setJoinCode(e.target.value)}
              required
              autoCapitalize="characters"
            />
            <div className="form-actions">
              <button type="submit" className="secondary" disabled={busy}>
                {t('sync.enrollStation')}
              </button>
            </div>
          </form>
          {error ? <p role="alert">{error}</p> : null}
        </>
      )}
    </section>
  );
}
