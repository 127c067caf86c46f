import { useId, useState } from 'react';
import { useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import { useAttempt } from './useAttempt.ts';

/** Limits of POST /auth/sign-up (validateSignUp in src/protocol), checked here too so mistakes show at once. */
const MIN_PASSWORD = 10;

/** A new school and its first teacher account; the tablet is then signed in as that teacher. */
export function SignUpForm({ baseUrl, onBack }: { baseUrl: string; onBack: () => void }) {
  const { t } = useT();
  const id = useId();
  const controller = useSyncController();
  const { busy, error, run } = useAttempt('signUp');
  const [schoolName, setSchoolName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = () =>
    controller.signUp(baseUrl, {
      schoolName: schoolName.trim(),
      displayName: displayName.trim(),
      email: email.trim(),
      password,
    });
  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(e) => void run(e, submit)}>
      <h3 id={`${id}-title`}>{t('school.connect.signUpTitle')}</h3>
      <label htmlFor={`${id}-school`}>{t('school.connect.schoolName')}</label>
      <input
        id={`${id}-school`}
        autoComplete="organization"
        maxLength={200}
        value={schoolName}
        onChange={(e) => setSchoolName(e.target.value)}
        required
      />
      <label htmlFor={`${id}-name`}>{t('school.connect.displayName')}</label>
      <input
        id={`${id}-name`}
        autoComplete="name"
        maxLength={100}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        required
      />
      <label htmlFor={`${id}-email`}>{t('sync.email')}</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        required
      />
      <label htmlFor={`${id}-password`}>{t('school.connect.newPassword')}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        maxLength={200}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('school.connect.signingUp') : t('school.connect.signUp')}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {t('school.connect.haveAccount')}
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
