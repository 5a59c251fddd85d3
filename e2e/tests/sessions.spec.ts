import { expect, test } from '@playwright/test';

test('after log-out, Back shows the log-in page and the old access token is refused', async ({
  page,
}) => {
  const email = `owner-${Date.now()}@example.com`;
  await page.goto('/register');
  await page.getByLabel('Organisation name').fill('Session Saddlery');
  await page.getByLabel('Your name').fill('Sam Saddler');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery staple');
  const registered = page.waitForResponse('**/api/v1/auth/register');
  await page.getByRole('button', { name: 'Create account' }).click();
  const { accessToken } = (await (await registered).json()) as { accessToken: string };
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);

  const me = await page.request.get('/api/v1/auth/me', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  expect(me.status()).toBe(401);
  expect(await me.json()).toMatchObject({ code: 'session_revoked' });
});
