import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '#ui/useT.ts';

/** What a broken screen shows instead: kind words, Try again, and the way back to the start. */
export function ScreenError(props: { home: string; retry(): void; variant: 'screen' | 'header' }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (props.variant === 'header') {
    return (
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <Link to={props.home} onClick={props.retry}>
          {t('error.home')}
        </Link>
      </header>
    );
  }
  return (
    <section className="page card screen-error" aria-labelledby="screen-error-title">
      <h1 id="screen-error-title" ref={heading} tabIndex={-1}>
        {t('error.title')}
      </h1>
      <p>{t('error.body')}</p>
      <div className="choice-row">
        <button type="button" className="big" onClick={props.retry}>
          {t('error.retry')}
        </button>
        {/* Also clears the error: the start may be this very address (a station's only one). */}
        <Link to={props.home} className="button-link big" onClick={props.retry}>
          {t('error.home')}
        </Link>
      </div>
    </section>
  );
}
