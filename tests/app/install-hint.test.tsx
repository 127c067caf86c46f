import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InstallHint } from '#app/InstallHint.tsx';
import { useLanguageStore } from '#state/language-store.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function onDevice(userAgent: string) {
  vi.stubGlobal('navigator', { ...navigator, userAgent, platform: 'iPad', maxTouchPoints: 5, language: 'en' });
  useLanguageStore.setState({ language: 'en' });
}

describe('install hint', () => {
  it('asks an iPad in Safari to add Waypoint to the Home Screen, because Safari may delete its data', async () => {
    onDevice(
      'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
    );
    const { unmount } = render(<InstallHint />);
    expect(screen.getByRole('complementary')).toHaveTextContent(/7 days/);
    expect(screen.getByRole('complementary')).toHaveTextContent(/Add to Home Screen/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    unmount();
    render(<InstallHint />);
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('offers Chromium on Android the install prompt, without the Safari warning', async () => {
    onDevice('Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/130.0 Safari/537.36');
    vi.stubGlobal('navigator', { ...navigator, platform: 'Linux armv8l', maxTouchPoints: 10 });
    render(<InstallHint />);
    expect(screen.queryByRole('complementary')).toBeNull();
    const prompt = vi.fn(() => Promise.resolve());
    act(() => {
      window.dispatchEvent(Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt }));
    });
    const banner = screen.getByRole('complementary');
    expect(banner).toHaveTextContent('Install Waypoint on this tablet: it opens from the home screen like an app');
    expect(banner).not.toHaveTextContent(/Safari|7 days|Share/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Install Waypoint' }));
    expect(prompt).toHaveBeenCalledOnce();
  });

  it('stays away on a desktop browser that offers no install prompt', () => {
    onDevice('Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36');
    vi.stubGlobal('navigator', { ...navigator, platform: 'Linux x86_64', maxTouchPoints: 0 });
    render(<InstallHint />);
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});
