import { useId, useState } from 'react';
import { getConnection, lockToStation, useStore } from '#db';
import { useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import { CredentialFields, type Credentials } from './CredentialFields.tsx';
import { useAttempt } from './useAttempt.ts';
import './school.css';

type Kind = 'station' | 'teacher';

/**
 * Joins this tablet to one class with the class's join code, as a station (the code is enough) or as a
 * teacher tablet (the server also wants a teacher's account, once). A station is locked to its class at
 * once: the app shows its set-up, where the teacher chooses the PIN, and no teacher screen.
 */
export function JoinClassForm({ baseUrl }: { baseUrl: string }) {
  const { t } = useT();
  const id = useId();
  const controller = useSyncController();
  const store = useStore();
  const { busy, error, run } = useAttempt('join');
  const [joinCode, setJoinCode] = useState('');
  const [kind, setKind] = useState<Kind>('station');
  const [deviceName, setDeviceName] = useState('');
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });

  const submit = async () => {
    await controller.enroll(baseUrl, {
      joinCode,
      kind,
      deviceName,
      ...(kind === 'teacher' ? { teacher: { email: credentials.email.trim(), password: credentials.password } } : {}),
    });
    const classId = kind === 'station' ? (await getConnection(store))?.scope.classId : undefined;
    if (classId) await lockToStation(store, classId);
  };
  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(e) => void run(e, submit)}>
      <h3 id={`${id}-title`}>{t('school.connect.joinTitle')}</h3>
      <label htmlFor={`${id}-code`}>{t('sync.joinCode')}</label>
      <input
        id={`${id}-code`}
        className="join-code-input"
        value={joinCode}
        onChange={(e) => setJoinCode(e.target.value)}
        required
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      <fieldset className="kind-choice">
        <legend>{t('school.connect.joinAs')}</legend>
        {(['station', 'teacher'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {k === 'station' ? t('school.connect.asStation') : t('school.connect.asTeacher')}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-name`}>{t('school.connect.deviceName')}</label>
      <input
        id={`${id}-name`}
        maxLength={100}
        autoComplete="off"
        value={deviceName}
        onChange={(e) => setDeviceName(e.target.value)}
      />
      {kind === 'teacher' ? (
        <>
          <p className="muted">{t('school.connect.teacherProof')}</p>
          <CredentialFields
            value={credentials}
            onChange={setCredentials}
            emailLabel={t('school.connect.teacherEmail')}
            passwordLabel={t('school.connect.teacherPassword')}
          />
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="secondary" disabled={busy}>
          {busy
            ? t('school.connect.joining')
            : kind === 'station'
              ? t('sync.enrollStation')
              : t('school.connect.enrollTeacher')}
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
