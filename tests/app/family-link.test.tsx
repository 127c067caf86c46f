/** The page a family opens from a link: the report from the server's snapshot, read-only, nothing stored. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_PREFIX, PROTOCOL_HEADER, type FamilyViewResponse } from '#protocol';
import { familyLinkService } from '#app/family-link-service.ts';
import { FamilyRoot, isFamilyLinkPath } from '#app/FamilyRoot.tsx';

const ORIGIN = 'http://school.test';
const TOKEN = 'Abc_def-1234567890abcdef';
const snapshot = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'family', 'snapshot-es.json'), 'utf8'),
) as FamilyViewResponse;

type Answer = { status: number; body: unknown } | 'offline';

/** The server at the transport boundary: answers in order, and keeps what was asked. */
function fakeServer(...answers: Answer[]) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    const answer = answers.shift() ?? answers[answers.length - 1] ?? 'offline';
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

function renderFamilyPage(server: ReturnType<typeof fakeServer>) {
  const service = familyLinkService({ connection: async () => null, origin: ORIGIN, fetch: server.fetch });
  return render(
    <MemoryRouter initialEntries={[`/family/${TOKEN}`]}>
      <FamilyRoot service={service} />
    </MemoryRouter>,
  );
}

const refused = (code: string) => ({ status: 401, body: { error: { code, message: 'refused' } } });

beforeEach(() => {
  // The evidence in the fixture is from early March; the report is read a week later.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the family’s page', () => {
  it('renders the report from GET /family/:token in the family’s language, read-only, storing nothing', async () => {
    const server = fakeServer({ status: 200, body: snapshot });
    renderFamilyPage(server);

    const report = await screen.findByRole('article', { name: 'Cómo le va a Lucía' });
    expect(report).toHaveAttribute('lang', 'es');
    expect(server.requests).toEqual([
      { url: `${ORIGIN}${API_PREFIX}/family/${TOKEN}`, headers: { [PROTOCOL_HEADER]: '1' } },
    ]);

    const mastered = within(report).getByRole('list', { name: 'Metas que Lucía ya aprendió' });
    expect(
      within(mastered)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['✓ Puedo decir si dos palabras riman.']);
    expect(report).toHaveTextContent('Lucía ya aprendió 1 de las 3 metas');
    // A tombstoned "mark mastered" does not count: capitals are still being learned.
    expect(within(report).getByTestId('family-current')).toHaveTextContent('Puedo nombrar las letras mayúsculas.');
    expect(within(report).getByTestId('family-next-step')).toHaveTextContent(
      'Su hijo o hija está practicando C y D. Practíquenlos en casa juntos.',
    );
    const cards = within(report).getByRole('list', { name: 'Tarjetas para practicar' });
    expect(
      within(cards)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['C', 'D']);

    // Read-only: nothing to share or change, and no local database was opened.
    expect(screen.queryByRole('button', { name: /link|enlace/i })).not.toBeInTheDocument();
    expect(screen.getByText(/Aquí no se puede cambiar nada/)).toBeInTheDocument();
    expect(await indexedDB.databases()).toEqual([]);
    // The page's language is set in an effect, which may run after the report is on screen.
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
  });

  it.each([
    ['familyLinkRevoked', 'This link was turned off by the school.'],
    ['familyLinkExpired', 'This link has expired.'],
    ['unauthorized', 'This link does not work.'],
  ])('a link answered %s says so kindly, with no retry', async (code, sentence) => {
    renderFamilyPage(fakeServer(refused(code)));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(sentence);
    expect(alert).toHaveTextContent('ask your child’s teacher');
    // The page still has its one heading (axe's page-has-heading-one), a kind one, not an error code.
    expect(within(alert).getByRole('heading', { level: 1, name: 'Your child’s report' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('offline: says so, and tries again on request', async () => {
    const server = fakeServer('offline', { status: 200, body: snapshot });
    renderFamilyPage(server);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Please check your internet connection');
    expect(screen.getByRole('heading', { level: 1, name: 'Your child’s report' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Your child’s report'));
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Cómo le va a Lucía' })).toBeInTheDocument();
    expect(server.requests).toHaveLength(2);
  });

  it('is what /family/<token> opens, and nothing else is', () => {
    expect(isFamilyLinkPath(`/family/${TOKEN}`)).toBe(true);
    expect(isFamilyLinkPath('/family-report/stu-1')).toBe(false);
    expect(isFamilyLinkPath('/family/')).toBe(false);
    expect(isFamilyLinkPath(`/family/${TOKEN}/blobs/x`)).toBe(false);
  });
});
