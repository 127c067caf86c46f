/**
 * Opened over plain HTTP (a school server's address without its certificate), the app must say what will
 * not work and where to fix it, in the user's language: the notice, the service worker's refusal, and the
 * microphone button. Never a silent failure.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLanguage } from '#i18n';
import { useLanguageStore } from '#state/language-store.ts';
import { AudioRecorder } from '#ui/capture/index.ts';

import { InsecureContextNotice } from '#app/InsecureContextNotice.tsx';
import { setUpOffline, type ServiceWorkerHandlers } from '#app/offline-setup.ts';

const pwa = vi.hoisted(() => ({
  registerSW: vi.fn((_options: { onRegisterError(error: unknown): void }) => async () => undefined),
}));
// The update prompt's registration, with the real decision (setUpOffline) and a stand-in for the plugin.
vi.mock('#app/register-service-worker.ts', () => ({
  registerServiceWorker: (handlers: ServiceWorkerHandlers) =>
    setUpOffline(handlers, { isSecure: true, hasServiceWorker: true }, pwa.registerSW),
}));

beforeEach(async () => {
  sessionStorage.clear();
  pwa.registerSW.mockClear();
  useLanguageStore.setState({ language: 'en' });
  await loadLanguage('en');
  await loadLanguage('es');
});

describe('the not-secure notice', () => {
  it('says what will not work over plain HTTP and links to the set-up page', () => {
    render(<InsecureContextNotice isSecure={false} origin="http://school.local:8080" />);
    const notice = screen.getByRole('complementary', { name: 'This connection is not secure' });
    expect(notice).toHaveTextContent('Waypoint was opened at http://school.local:8080, without HTTPS');
    const items = within(notice)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      expect.stringContaining('Working offline'),
      expect.stringContaining('Installing Waypoint on the home screen'),
      expect.stringContaining('The camera'),
      expect.stringContaining('The microphone'),
    ]);
    expect(within(notice).getByRole('link', { name: 'How to set up this tablet' })).toHaveAttribute('href', '/setup');
  });

  it('speaks the user’s language', () => {
    useLanguageStore.setState({ language: 'es' });
    render(<InsecureContextNotice isSecure={false} origin="http://192.168.1.20:8080" />);
    const notice = screen.getByRole('complementary', { name: 'Esta conexión no es segura' });
    expect(notice).toHaveTextContent('Trabajar sin conexión');
    expect(within(notice).getByRole('link', { name: 'Cómo preparar esta tableta' })).toHaveAttribute('href', '/setup');
  });

  it('says nothing in a secure context', () => {
    const { container } = render(<InsecureContextNotice isSecure origin="https://school.local" />);
    expect(container).toBeEmptyDOMElement();
  });

  it('can be hidden for the rest of the visit', async () => {
    render(<InsecureContextNotice isSecure={false} origin="http://school.local" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Hide for now' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(sessionStorage.getItem('waypoint.insecureNoticeHidden')).toBe('1');
  });
});

describe('registering the service worker', () => {
  it('reports that offline use is off over plain HTTP, without trying', () => {
    const onProblem = vi.fn();
    const update = setUpOffline(
      { onNeedRefresh: vi.fn(), onProblem },
      { isSecure: false, hasServiceWorker: false },
      pwa.registerSW,
    );
    expect(update).toBeNull();
    expect(onProblem).toHaveBeenCalledWith({ kind: 'insecure' });
    expect(pwa.registerSW).not.toHaveBeenCalled();
  });

  it('reports a browser without service workers', () => {
    const onProblem = vi.fn();
    setUpOffline({ onNeedRefresh: vi.fn(), onProblem }, { isSecure: true, hasServiceWorker: false }, pwa.registerSW);
    expect(onProblem).toHaveBeenCalledWith({ kind: 'unsupported' });
  });

  it('reports a registration that fails', () => {
    const onProblem = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setUpOffline({ onNeedRefresh: vi.fn(), onProblem }, { isSecure: true, hasServiceWorker: true }, pwa.registerSW);
    const options = pwa.registerSW.mock.calls[0]![0];
    options.onRegisterError(new Error('SSL certificate error'));
    expect(onProblem).toHaveBeenCalledWith({ kind: 'failed', reason: 'SSL certificate error' });
  });
});

describe('the update prompt', () => {
  it('shows a failed registration instead of swallowing it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { UpdatePrompt } = await import('#app/UpdatePrompt.tsx');
    render(<UpdatePrompt />);
    const options = pwa.registerSW.mock.calls[0]![0];
    act(() => options.onRegisterError(new Error('The script has an unsupported MIME type')));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Waypoint could not be set up to work offline: The script has an unsupported MIME type',
    );
  });
});

describe('the microphone button over plain HTTP', () => {
  it('explains and links to the set-up page instead of a Record button that cannot work', () => {
    render(<AudioRecorder onRecorded={vi.fn()} isSecure={false} />);
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('Recording is off: this page was opened without HTTPS');
    expect(within(note).getByRole('link', { name: 'How to set up this tablet' })).toHaveAttribute('href', '/setup');
  });
});
