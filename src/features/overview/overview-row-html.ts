import type { TargetRecord } from '#db';
import type { CellState, OverviewRow } from './overview-view.ts';

export interface RowLabels {
  readonly states: Readonly<Record<CellState, string>>;
  /** Said by screen readers after the status of the child's current target. */
  readonly current: string;
}

/**
 * One grid row's header and cells as HTML, for `<tr dangerouslySetInnerHTML>`: the browser parses a row's
 * 61 cells in one go, where React would create, fill and append each of the class's 1,800 cells itself.
 * Every text is escaped; the name links to the child's conference (OverviewGrid follows it in the app).
 */
export function rowCellsHtml(
  row: OverviewRow,
  columns: readonly { readonly target: TargetRecord; readonly index: number }[],
  labels: RowLabels,
): string {
  const current = row.progress.currentTargetId;
  // Escaped once per row, not once per cell: the five words repeat across the row.
  const words = new Map<CellState, string>();
  const word = (state: CellState) => words.get(state) ?? words.set(state, escapeHtml(labels.states[state])).get(state)!;
  let html = `<th scope="row"><a href="${escapeHtml(conferenceHref(row.student.id))}">${escapeHtml(row.student.displayName)}</a></th>`;
  for (const { target, index } of columns) {
    const state = row.cells[index] ?? 'notOnPath';
    html +=
      target.id === current
        ? `<td class="cell cell-${state} cell-current">${word(state)}<span class="visually-hidden"> (${escapeHtml(labels.current)})</span></td>`
        : `<td class="cell cell-${state}">${word(state)}</td>`;
  }
  return html;
}

export function conferenceHref(studentId: string): string {
  return `/conference/${encodeURIComponent(studentId)}`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
