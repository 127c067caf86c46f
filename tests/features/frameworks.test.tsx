import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listFrameworks, listFrameworkTargets, seedFirstRun } from '#db';
import { exportCasePackage } from '#protocol/case-package.ts';
import { CaseImportReportView } from '#features/frameworks/CaseImportReportView.tsx';
import FrameworksPage from '#features/frameworks/FrameworksPage.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const tiny = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'case', 'tiny-phonics.case.json'), 'utf8');

describe('frameworks page', { timeout: 30_000 }, () => {
  it('shows the import report before saving, then lists the framework with an export', async () => {
    const store = testStore();
    renderWithStore(<FrameworksPage />, store);
    await userEvent.upload(await screen.findByLabelText('Choose a CASE package file'), new File([tiny], 'tiny.json'));
    expect(await screen.findByText('3 targets in 2 groups, with 2 prerequisites.')).toBeInTheDocument();
    expect(screen.getByText('Links not used: isRelatedTo (1).')).toBeInTheDocument();
    expect(screen.getByText('2 entries skipped')).toBeInTheDocument();
    expect(await store.db.targets.count()).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Import 3 targets' }));
    expect(await screen.findByText('Imported Tiny phonics: 3 targets.')).toBeInTheDocument();
    expect((await listFrameworks(store)).map((f) => f.title)).toEqual(['Tiny phonics']);
    expect(await screen.findByRole('button', { name: 'Export to CASE (Tiny phonics)' })).toBeInTheDocument();
  });

  it('says a package of a framework already here updates it, and updates it without a second copy', async () => {
    const store = testStore();
    await seedFirstRun(store);
    const literacy = (await listFrameworks(store)).find((f) => f.id === 'kindergarten-literacy')!;
    const exported = exportCasePackage(
      literacy,
      await listFrameworkTargets(store, literacy.id),
      '2026-10-01T00:00:00Z',
    );
    renderWithStore(<FrameworksPage />, store);
    await userEvent.upload(
      await screen.findByLabelText('Choose a CASE package file'),
      new File([JSON.stringify(exported)], 'literacy.json'),
    );
    expect(await screen.findByTestId('case-merge')).toHaveTextContent(
      `Updates “${literacy.title}”, already on this tablet (the same CASE document): no second copy is made. 28 targets updated, 0 new; 0 not in the package stay as they are.`,
    );
    await userEvent.click(screen.getByRole('button', { name: `Update ${literacy.title}` }));
    expect(await screen.findByText(`Updated ${literacy.title}: 28 targets from the package.`)).toBeInTheDocument();
    expect(await listFrameworks(store)).toHaveLength(2);
  });

  it('refuses a malformed package with the reason, in Spanish, and saves nothing', async () => {
    const store = testStore();
    renderWithStore(<FrameworksPage />, store, { language: 'es' });
    await userEvent.upload(
      await screen.findByLabelText('Elegir un archivo de paquete CASE'),
      new File(['{"CFItems": []}'], 'x.json'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Este archivo no se puede importar. No se cambió nada.');
    expect(alert).toHaveTextContent('there is no CFDocument');
    expect(await store.db.outbox.count()).toBe(0);
  });

  it('counts in the report agree with their numbers, in both languages', () => {
    const imported = {
      framework: { id: 'f', title: 'One of each', kind: 'academic' as const, version: '1', notices: [] },
      targets: [],
      report: {
        targets: 1,
        groups: ['Letters'],
        prerequisites: 1,
        ignoredAssociations: {},
        skipped: [],
        notTargets: {},
      },
      merge: { into: null, updated: 0, added: 1, kept: 0 },
    };
    const { unmount } = renderWithStore(<CaseImportReportView imported={imported} />, testStore());
    expect(screen.getByText('1 target in 1 group, with 1 prerequisite.')).toBeInTheDocument();
    unmount();
    renderWithStore(<CaseImportReportView imported={imported} />, testStore(), { language: 'es' });
    expect(screen.getByText('1 objetivo en 1 grupo, con 1 requisito previo.')).toBeInTheDocument();
  });
});
