import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordEvidence, voidEvidence } from '#db';
import type { Evidence } from '#protocol';
import { TIMELINE_PAGE } from '#features/conference/conference-reader.ts';
import { LOWER, renderConference, seededConference } from './conference-helpers.tsx';

const teacher = { kind: 'teacher', id: 't' } as const;
const DAY = 24 * 60 * 60 * 1000;

/** Notes of the timeline's cards, top first. */
function shownNotes(): string[] {
  const list = screen.getByRole('list', { name: 'Evidence timeline' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.evidence-note')?.textContent ?? '');
}

describe('the conference timeline, a page at a time', { timeout: 30_000 }, () => {
  it('shows the newest page at once, adds a page per "Show more", and stays live on every page', async () => {
    const { store, student } = await seededConference();
    // Newer than anything the demo holds, a day apart: notes "piece 0" (oldest) … "piece 29" (newest).
    const start = Date.UTC(2027, 0, 1, 9);
    const pieces: Evidence[] = [];
    for (let n = 0; n < 30; n++)
      pieces.push(
        await recordEvidence(store, {
          studentId: student.id,
          targetIds: [LOWER],
          kind: 'observation',
          level: 2,
          note: `piece ${n}`,
          observedAt: new Date(start + n * DAY).toISOString(),
          recordedBy: teacher,
        }),
      );
    const newest = (count: number, from = 29) => Array.from({ length: count }, (_, i) => `piece ${from - i}`);

    await renderConference(store, student.id);
    await screen.findByRole('list', { name: 'Evidence timeline' });
    expect(shownNotes()).toEqual(newest(TIMELINE_PAGE));

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show more evidence' }));
    await screen.findByText(`piece ${29 - TIMELINE_PAGE}`);
    expect(shownNotes()).toEqual(newest(2 * TIMELINE_PAGE));

    // A piece voided on the second page shows voided there; a new piece comes in at the top.
    await act(() => voidEvidence(store, pieces[29 - TIMELINE_PAGE - 1]!.id, 'Wrong day', teacher));
    expect(await screen.findByText('Voided: Wrong day')).toBeInTheDocument();
    await act(() =>
      recordEvidence(store, {
        studentId: student.id,
        targetIds: [LOWER],
        kind: 'observation',
        note: 'piece 30',
        observedAt: new Date(start + 30 * DAY).toISOString(),
        recordedBy: teacher,
      }),
    );
    await screen.findByText('piece 30');
    expect(shownNotes()).toEqual(newest(2 * TIMELINE_PAGE, 30));
  });
});
