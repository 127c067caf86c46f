import { describe, expect, it } from 'vitest';
import { translate } from '#i18n';
import { computeMastery } from '#rules';
import { renderRulesMessage } from '#ui/rules-message.ts';

const scores = [{ level: 2, observedAt: '2026-09-01T09:00:00Z', id: 'a' }];

describe('renderRulesMessage', () => {
  it('names the default scale’s mastery level in the reader’s language', () => {
    const { explanation } = computeMastery({
      scores,
      method: { kind: 'mostRecent' },
      masteryLevel: 3,
      masteryLabel: 'Proficient',
    });
    const es = renderRulesMessage((key, params) => translate('es', key, params), explanation.message);
    expect(es).toContain('(Competente)');
    expect(es).not.toContain('Proficient');
    const en = renderRulesMessage((key, params) => translate('en', key, params), explanation.message);
    expect(en).toContain('(Proficient)');
  });

  it('keeps a school’s own level name as written', () => {
    const { explanation } = computeMastery({
      scores,
      method: { kind: 'mostRecent' },
      masteryLevel: 3,
      masteryLabel: 'Got it',
    });
    expect(renderRulesMessage((key, params) => translate('es', key, params), explanation.message)).toContain(
      '(Got it)',
    );
  });
});
