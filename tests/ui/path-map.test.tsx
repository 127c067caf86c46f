import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type Evidence, type PathEntry, type Target } from '#protocol';
import { useLanguageStore } from '#state/language-store.ts';
import { PathMap } from '#ui/path-map/PathMap.tsx';
import { buildMapStops } from '#ui/path-map/path-map-view.ts';
import { evaluateProgress } from '#ui/progress-input.ts';

const target = (n: number): Target => ({
  id: `t${n}`,
  frameworkId: 'f',
  code: `C.${n}`,
  sequence: n,
  strand: 's',
  teacherStatement: `Teacher statement ${n}.`,
  kidStatement: `I can do thing ${n}.`,
  icon: 'star',
  prerequisites: [],
  rule: { kind: 'score', method: { kind: 'mostRecent' } },
});
const targets = [1, 2, 3, 4, 5].map(target);
const scored = (id: string, targetId: string, level: number): Evidence => ({
  id,
  studentId: 's1',
  targetIds: [targetId],
  kind: 'observation',
  observedAt: '2026-10-02T10:00:00Z',
  recordedAt: '2026-10-02T10:00:00Z',
  recordedBy: { kind: 'teacher', id: 'teacher' },
  level,
});
// Mastered; skipped; in progress (current); enrichment past its date (behind); mastered before its date (ahead).
const entries: PathEntry[] = [
  { targetId: 't1' },
  { targetId: 't2', skippedReason: 'knows it already' },
  { targetId: 't3' },
  { targetId: 't4', enrichment: true, plannedDate: '2026-10-01' },
  { targetId: 't5', plannedDate: '2026-11-20' },
];
const progress = evaluateProgress(
  {
    path: { id: 's1', studentId: 's1', entries },
    targets,
    itemSets: [],
    evidence: [scored('e1', 't1', 4), scored('e3', 't3', 1), scored('e5', 't5', 4)],
    decisions: [],
    scale: DEFAULT_SCALE,
  },
  new Date('2026-10-10T12:00:00Z'),
);

beforeEach(() => useLanguageStore.setState({ language: 'en' }));

describe('path map layout', () => {
  it('winds: rows run back and forth, the trail bends at the row ends', () => {
    const stops = buildMapStops(progress, entries, 2);
    expect(stops.map((s) => [s.row, s.column, s.link])).toEqual([
      [1, 1, 'right'],
      [1, 2, 'bendRight'],
      [2, 2, 'left'],
      [2, 1, 'bendLeft'],
      [3, 1, null],
    ]);
    expect(stops.map((s) => [s.kind, s.isCurrent, s.isEnrichment, s.pacing])).toEqual([
      ['mastered', false, false, null],
      ['skipped', false, false, null],
      ['inProgress', true, false, null],
      ['notStarted', false, true, 'behind'],
      ['mastered', false, false, 'ahead'],
    ]);
  });
});

describe('path map', () => {
  it('is an ordered list of stops with status by icon and word, the current one marked "You are here"', async () => {
    render(
      <PathMap
        progress={progress}
        entries={entries}
        targetsById={new Map(targets.map((t) => [t.id, t]))}
        audience="teacher"
      />,
    );
    const map = screen.getByRole('list', { name: 'Path map' });
    expect(map.tagName).toBe('OL');
    const stops = within(map).getAllByRole('listitem');
    // Icons are shown as drawings, and silent: the status word and the marks are what a screen reader says.
    expect(stops.map((s) => s.querySelector('.map-trail-token img')?.getAttribute('src'))).toEqual(
      stops.map(() => '/drawings/icons/star.svg'),
    );
    expect(stops.map((s) => s.querySelector('.map-trail-token img')?.getAttribute('alt'))).toEqual(stops.map(() => ''));
    expect(stops.map((s) => within(s).getByRole('button').textContent)).toEqual([
      'Stop 1: C.1, ● Mastered',
      'Stop 2: C.2, ⤼ Skipped, Passed by',
      'Stop 3: C.3, ◐ In progress, 📍 You are here',
      'Stop 4: C.4, ○ Not started, ★ Enrichment, ⚠ Behind, By Oct 1, 2026',
      'Stop 5: C.5, ● Mastered, » Ahead, By Nov 20, 2026',
    ]);
    expect(within(stops[2]!).getByRole('button')).toHaveAccessibleName(
      /^Stop 3:\s*C\.3,\s*In progress,\s*You are here$/,
    );
    expect(stops.filter((s) => s.getAttribute('aria-current') === 'step')).toEqual([stops[2]]);
    expect(screen.getByText('2 of 4 mastered · Behind: 1 target past its planned date')).toBeInTheDocument();

    const skipped = within(stops[1]!).getByRole('button');
    expect(skipped).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(skipped);
    expect(skipped).toHaveAttribute('aria-expanded', 'true');
    const detail = document.getElementById(skipped.getAttribute('aria-controls')!)!;
    expect(detail).toHaveTextContent('Teacher statement 2.');
    expect(detail).toHaveTextContent('Skipped because: knows it already');
    expect(detail).toHaveTextContent(/Why: \S/);
  });

  it('speaks to a child with the "I can" statement, in Spanish too, and keeps the skip reason for teachers', async () => {
    useLanguageStore.setState({ language: 'es' });
    render(
      <PathMap
        progress={progress}
        entries={entries}
        targetsById={new Map(targets.map((t) => [t.id, t]))}
        audience="kid"
      />,
    );
    const map = screen.getByRole('list', { name: 'El mapa de mi camino' });
    expect(within(map).getByText('Estás aquí')).toBeInTheDocument();
    await userEvent.click(within(within(map).getAllByRole('listitem')[1]!).getByRole('button'));
    expect(screen.getByText('I can do thing 2.')).toBeInTheDocument();
    expect(screen.queryByText(/knows it already/)).toBeNull();
  });
});
