import { useId, useState } from 'react';
import { useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import { useAttempt } from './useAttempt.ts';

/** A teacher signs in with email and password; the tablet then sees the whole school. */
export function SignInForm({ baseUrl, onCreateAccount }: { baseUrl: string; onCreateAccount: () => void }) {
  const { t } = useT();
  const id = useId();
  const controller = useSyncController();
  const { busy, error, run } = useAttempt();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  return (
    <form onSubmit={(e) => void run(e, () => controller.signIn(baseUrl, email, password))}>
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
        <button type="button" className="secondary" onClick={onCreateAccount}>
          {t('school.connect.newSchool')}
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
