import { expect, test } from '@playwright/test';

test('register, log out, log in, add a team member and see the settings', async ({ page }) => {
  const suffix = Date.now();
  const email = `owner-${suffix}@example.com`;
  const password = 'correct horse battery staple';

  await page.goto('/register');
  await page.getByLabel('Organisation name').fill('Playwright Plumbing');
  await page.getByLabel('Your name').fill('Paula Plumber');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Tom Teammate');
  await dialog.getByLabel('Email').fill(`tom-${suffix}@example.com`);
  await dialog.getByRole('textbox', { name: 'Role' }).click();
  await page.getByRole('option', { name: /agent/i }).click();
  await dialog.getByLabel('Initial password').fill('initial password 42');
  await dialog.getByRole('button', { name: 'Add member' }).click();

  const row = page.getByRole('row', { name: /Tom Teammate/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`tom-${suffix}@example.com`);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Tom Teammate/ })).toBeVisible();
});
