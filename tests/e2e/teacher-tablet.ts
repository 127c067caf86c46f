import { expect, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_EMAIL = 'teacher@demo.school';
export const DEMO_PASSWORD = 'waypoint-demo';

/**
 * A teacher tablet: first visit (the service worker settled, so it never takes over mid-test), signed in
 * to the server, showing the server's demo class (the tablet's own demo class steps aside on sign-in).
 */
export async function teacherTablet(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.goto('/settings');
  await page.getByLabel('Email').fill(DEMO_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Connected to .* as a teacher device/)).toBeVisible();
  await expect(page.getByTestId('sync-status')).toContainText('Synced');
  // The tablet's own demo class stepped aside for the school's: only the server's classes are offered.
  await expect(page.getByTestId('demo-retired')).toContainText('“Kindergarten, Room 4 (demo)”, was removed');
  await page.goto('/class');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Other specs on this server may have imported classes into the demo school: pick the demo class then.
  const picker = page.getByLabel('Show class');
  if ((await picker.count()) > 0) {
    await expect(picker.getByRole('option', { name: 'Kindergarten, Room 4 (demo)' })).toHaveCount(0);
    await picker.selectOption({ label: 'Room 4 (demo)' });
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Room 4 (demo)', exact: true })).toBeVisible();
  return page;
}
