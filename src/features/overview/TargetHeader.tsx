import type { TargetRecord } from '#db';
import { targetStatement } from '#ui/target-text.ts';

/**
 * A target column's header: the code over the start of the child's statement (the teacher's is the
 * tooltip). Targets may share a standard's code (upper- and lowercase letters are both RF.K.1d): the
 * statement tells them apart without hovering, which a tablet cannot.
 */
export function TargetHeader({
  target,
  language,
  colIndex,
}: {
  readonly target: TargetRecord;
  readonly language: string;
  readonly colIndex?: number;
}) {
  return (
    <th scope="col" aria-colindex={colIndex} title={targetStatement(target, language, 'teacher')}>
      <span className="overview-code">{target.code}</span>{' '}
      <span className="overview-target-name">{targetStatement(target, language, 'kid')}</span>
    </th>
  );
}
