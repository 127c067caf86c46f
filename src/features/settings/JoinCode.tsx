import { useT } from '#ui/useT.ts';
import { joinCodeGroups } from './school-view.ts';

/** A class's join code, large and in groups of four; screen readers hear it letter by letter. */
export function JoinCode({ code }: { code: string }) {
  const { t } = useT();
  return (
    <p className="join-code">
      <span className="join-code-label">{t('school.joinCode')}</span>
      <span className="join-code-value" aria-hidden="true" data-testid="join-code">
        {joinCodeGroups(code).map((group, i) => (
          <span key={i} className="join-code-group">
            {group}
          </span>
        ))}
      </span>
      <span className="visually-hidden">{t('school.joinCodeSpoken', { letters: code.split('').join(' ') })}</span>
    </p>
  );
}
