import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import {
  DEMO_PREFIX,
  forgetFamilyLink,
  getConnection,
  listFamilyLinks,
  nowIso,
  rememberFamilyLink,
  useStore,
} from '#db';
import { FamilyLinkError, useFamilyLinkService, type FamilyLinkProblem } from '#state/family-links.ts';
import { useT } from '#ui/useT.ts';

type Notice = { readonly text: string; readonly isProblem: boolean };

/** Problems with a sentence of their own; the rest show the server's reason. */
const CREATE_PROBLEMS: Partial<Record<FamilyLinkProblem, 'notOnServer' | 'network' | 'notConnected' | 'notTeacher'>> = {
  notOnServer: 'notOnServer',
  network: 'network',
  notConnected: 'notConnected',
  notTeacher: 'notTeacher',
};

/**
 * A read-only link to this report for the family, through the school server. Links made on this tablet
 * are remembered here (the server keeps only their hash), so they can be copied again or turned off.
 */
export function ShareFamilyLink({ studentId }: { studentId: string }) {
  const id = useId();
  const { t, language } = useT();
  const store = useStore();
  const service = useFamilyLinkService();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const state = useLiveQuery(async () => {
    const connection = await getConnection(store);
    return { connection, links: connection ? await listFamilyLinks(store, studentId, connection.baseUrl) : [] };
  }, [store, studentId]);
  if (state === undefined) return null;
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

  const explain = (error: unknown, fallbackKey: 'family.share.failed' | 'family.share.revokeFailed'): Notice => {
    const problem = error instanceof FamilyLinkError ? CREATE_PROBLEMS[error.problem] : undefined;
    if (problem) return { text: t(`family.share.${problem}`), isProblem: true };
    return { text: t(fallbackKey, { reason: (error as Error).message }), isProblem: true };
  };

  const run = async (work: () => Promise<Notice>, fallbackKey: 'family.share.failed' | 'family.share.revokeFailed') => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice(explain(error, fallbackKey));
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    run(async () => {
      const made = await service.create(studentId);
      await rememberFamilyLink(store, { ...made, studentId, createdAt: nowIso(store) });
      return { text: t('family.share.created'), isProblem: false };
    }, 'family.share.failed');

  const revoke = (linkId: string) =>
    run(async () => {
      await service.revoke(linkId);
      await forgetFamilyLink(store, linkId);
      return { text: t('family.share.revoked'), isProblem: false };
    }, 'family.share.revokeFailed');

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setNotice({ text: t('family.share.copied'), isProblem: false });
    } catch {
      setNotice({ text: t('family.share.copyFailed'), isProblem: true });
    }
  };

  let body;
  if (studentId.startsWith(DEMO_PREFIX)) {
    body = <p>{t('family.share.demoChild')}</p>;
  } else if (!state.connection) {
    body = (
      <p>
        {t('family.share.notConnected')} <Link to="/settings">{t('family.share.openSettings')}</Link>
      </p>
    );
  } else if (state.connection.kind !== 'teacher') {
    body = <p>{t('family.share.notTeacher')}</p>;
  } else {
    body = (
      <>
        <p>{t('family.share.intro')}</p>
        <button type="button" onClick={() => void create()} disabled={busy}>
          {busy ? t('family.share.creating') : t('family.share.create')}
        </button>
        {state.links.length > 0 ? (
          <>
            <h3>{t('family.share.links')}</h3>
            <ul className="family-links">
              {state.links.map((link) => {
                const date = when.format(new Date(link.createdAt));
                return (
                  <li key={link.id} className="family-link">
                    <label htmlFor={`${id}-${link.id}`}>
                      {t('family.share.url')} · {t('family.share.madeOn', { date })}
                    </label>
                    <input
                      id={`${id}-${link.id}`}
                      type="url"
                      readOnly
                      value={link.url}
                      onFocus={(e) => e.currentTarget.select()}
                    />
                    <div className="choice-row">
                      <button type="button" className="secondary" onClick={() => void copy(link.url)}>
                        {t('family.share.copy')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        disabled={busy}
                        aria-label={t('family.share.revokeLabel', { date })}
                        onClick={() => void revoke(link.id)}
                      >
                        {t('family.share.revoke')}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </>
    );
  }

  return (
    <section className="card family-share no-print" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('family.share.title')}</h2>
      {body}
      {/* The status region is always there, so screen readers announce what lands in it. */}
      <p role="status">{notice && !notice.isProblem ? notice.text : ''}</p>
      {notice?.isProblem ? <p role="alert">{notice.text}</p> : null}
    </section>
  );
}
