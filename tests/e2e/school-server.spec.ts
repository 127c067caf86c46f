import { expect, test, type Page } from '@playwright/test';
import { DEMO_EMAIL, DEMO_PASSWORD } from './teacher-tablet.ts';

async function openSettings(page: Page) {
  await page.goto('/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.goto('/settings');
}

test('a new school signs up from Settings, lands on its classes and devices, and changes its password', async ({
  page,
}) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await openSettings(page);
  await page.getByRole('button', { name: 'New school? Create an account' }).click();
  const form = page.getByRole('form', { name: 'Create a school and a teacher account' });
  const email = `rivera-${Date.now()}@riverside.test`;
  await form.getByLabel('School name').fill('Riverside Elementary');
  await form.getByLabel('Your name, as colleagues see it').fill('Ms Rivera');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel(/Choose a password/).fill('a long enough password');
  await form.getByRole('button', { name: 'Create the school and sign in' }).click();
  await expect(page.getByText(/Connected to .* as a teacher device/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Classes and devices' })).toBeVisible();
  await expect(page.getByText(/No classes on the server yet/)).toBeVisible();

  // Settings → Change password, on a portrait tablet: the server checks the current one and takes the new.
  const change = page.getByRole('region', { name: 'Change password' });
  await change.getByLabel('Current password').fill('a long enough password');
  await change.getByLabel('New password (at least 10 characters)').fill('lantern orchard kettle');
  await change.getByLabel('New password again').fill('lantern orchard kettle');
  const submit = change.getByRole('button', { name: 'Change password' });
  const box = await submit.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  expect(box!.x + box!.width).toBeLessThanOrEqual(768);
  await submit.click();
  await expect(change.getByRole('status')).toContainText('Password changed.');

  // Signed out and in again: the old password no longer opens the account, the new one does.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByRole('button', { name: 'I already have an account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The server's refusal, said in the tablet's language (school.problem.wrongPassword).
  await expect(page.getByRole('alert')).toContainText('The email or the password is not right.');
  await page.getByLabel('Password', { exact: true }).fill('lantern orchard kettle');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(/Connected to .* as a teacher device/)).toBeVisible();
});

test('a station joins with the code shown to the teacher, who sees it, revokes it and makes a new code', async ({
  browser,
}) => {
  const teacherContext = await browser.newContext();
  const stationContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await openSettings(teacher);
  await teacher.getByLabel('Email').fill(DEMO_EMAIL);
  await teacher.getByLabel('Password').fill(DEMO_PASSWORD);
  await teacher.getByRole('button', { name: 'Sign in', exact: true }).click();
  const room = teacher.getByRole('listitem').filter({ has: teacher.getByRole('heading', { name: 'Room 4 (demo)' }) });
  const code = room.getByTestId('join-code');
  await expect(code).toHaveText(/^[A-Z2-9]{8}$/);
  const joinCode = (await code.textContent()) ?? '';

  const station = await stationContext.newPage();
  await openSettings(station);
  const join = station.getByRole('form', { name: 'Or join one class with its join code' });
  await join.getByLabel('Class join code').fill(`${joinCode.slice(0, 4)} ${joinCode.slice(4)}`.toLowerCase());
  await join.getByLabel(/Name of this tablet/).fill('Reading corner');
  await join.getByRole('button', { name: 'Join as a station' }).click();
  // Joined as a station, the tablet is locked to that class's station: its set-up, no teacher screen.
  await expect(station.getByRole('heading', { level: 1, name: 'Station mode' })).toBeVisible();
  await expect(station.getByText('This tablet is a station for Room 4 (demo).')).toBeVisible();
  await expect(station.getByRole('navigation')).toHaveCount(0);
  await station.goto('/settings');
  await expect(station).toHaveURL(/\/station$/);
  await expect(station.getByRole('heading', { name: 'Classes and devices' })).toHaveCount(0);

  await teacher.getByRole('button', { name: 'Refresh' }).click();
  const device = room.getByRole('listitem').filter({ hasText: 'Reading corner' });
  await expect(device).toContainText('Active');
  teacher.once('dialog', (dialog) => void dialog.accept());
  await device.getByRole('button', { name: 'Revoke Reading corner' }).click();
  const panel = teacher.getByRole('region', { name: 'Classes and devices' });
  await expect(panel.getByRole('status')).toHaveText('Reading corner is revoked.');
  await expect(device).toContainText('Revoked');

  teacher.once('dialog', (dialog) => void dialog.accept());
  await room.getByRole('button', { name: 'New code for Room 4 (demo)' }).click();
  await expect(panel.getByRole('status')).toContainText('Room 4 (demo) has a new join code');
  await expect(code).not.toHaveText(joinCode);
  await expect(code).toHaveText(/^[A-Z2-9]{8}$/);

  await teacherContext.close();
  await stationContext.close();
});
