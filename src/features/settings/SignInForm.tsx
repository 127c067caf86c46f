import { useState } from 'react';
import { useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import { CredentialFields, type Credentials } from './CredentialFields.tsx';
import { useAttempt } from './useAttempt.ts';

/** A teacher signs in with email and password; the tablet then sees the whole school. */
export function SignInForm({ baseUrl, onCreateAccount }: { baseUrl: string; onCreateAccount: () => void }) {
  const { t } = useT();
  const controller = useSyncController();
  const { busy, error, run } = useAttempt('signIn');
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });

  return (
    <form onSubmit={(e) => void run(e, () => controller.signIn(baseUrl, credentials.email, credentials.password))}>
      <CredentialFields
        value={credentials}
        onChange={setCredentials}
        emailLabel={t('sync.email')}
        passwordLabel={t('sync.password')}
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
