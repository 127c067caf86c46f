import { useId, useRef, useState, type FormEvent } from 'react';
import { passwordWeakness, type PasswordWeakness } from '#protocol';
import { isUnreachable, useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import './school.css';

type Field = 'current' | 'next' | 'again';

/** What went wrong, in the teacher's language, and the field to fix (focused and marked invalid). */
interface Problem {
  readonly message: string;
  readonly field: Field | null;
}

const WEAKNESSES: readonly PasswordWeakness[] = [
  'length',
  'sameAsCurrent',
  'published',
  'containsEmail',
  'containsName',
  'fewCharacters',
  'noLetters',
  'common',
];

const isWeakness = (value: unknown): value is PasswordWeakness => WEAKNESSES.includes(value as PasswordWeakness);

/**
 * A teacher's own sign-in changes the account's password (POST /auth/password). The shared rules
 * (src/protocol/password-strength.ts) are checked here first, so most mistakes show at once and offline;
 * the server checks them again, with the account's email and name, and checks the current password. Shown
 * only on a tablet signed in with the account (ServerPanel), never on a class tablet, station or child's tablet.
 */
export function ChangePasswordPanel() {
  const { t } = useT();
  const id = useId();
  const controller = useSyncController();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const inputs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    again: useRef<HTMLInputElement>(null),
  };

  const weak = (weakness: PasswordWeakness): Problem => ({
    message: t(`account.password.weak.${weakness}`),
    field: 'next',
  });

  function explain(error: unknown): Problem {
    if (isUnreachable(error)) return { message: t('account.password.offline'), field: null };
    const { code, details } = error as { code?: unknown; details?: readonly unknown[] };
    if (code === 'wrongPassword') return { message: t('account.password.wrong'), field: 'current' };
    if (code === 'weakPassword' && isWeakness(details?.[0])) return weak(details[0]);
    if (code === 'tooManyRequests') return { message: t('account.password.throttled'), field: null };
    return { message: t('account.password.failed', { reason: (error as Error).message }), field: null };
  }

  function refuse(found: Problem) {
    setProblem(found);
    if (found.field) inputs[found.field].current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setProblem(null);
    if (current === '') return refuse({ message: t('account.password.currentMissing'), field: 'current' });
    const weakness = passwordWeakness(next, { current });
    if (weakness) return refuse(weak(weakness));
    if (next !== again) return refuse({ message: t('account.password.mismatch'), field: 'again' });
    setBusy(true);
    try {
      await controller.changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (error) {
      refuse(explain(error));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, value: string, set: (value: string) => void, autoComplete: string) => {
    const invalid = problem?.field === name;
    return (
      <>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          ref={inputs[name]}
          type="password"
          autoComplete={autoComplete}
          maxLength={200}
          value={value}
          onChange={(e) => set(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-problem` : name === 'next' ? `${id}-hint` : undefined}
          required
        />
      </>
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.password.title')}</h2>
      <p>{t('account.password.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {field('current', t('account.password.current'), current, setCurrent, 'current-password')}
        {field('next', t('account.password.new'), next, setNext, 'new-password')}
        <p id={`${id}-hint`} className="muted">
          {t('account.password.hint')}
        </p>
        {field('again', t('account.password.again'), again, setAgain, 'new-password')}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? t('account.password.saving') : t('account.password.submit')}
          </button>
        </div>
      </form>
      {problem ? (
        <p role="alert" id={`${id}-problem`}>
          {problem.message}
        </p>
      ) : null}
      {done ? <p role="status">{t('account.password.done')}</p> : null}
    </section>
  );
}
