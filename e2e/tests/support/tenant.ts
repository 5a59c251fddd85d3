import { expect, type Page } from '@playwright/test';

/**
 * Registers a tenant of its own (default country US, so national numbers read as American)
 * and lands on its dashboard; returns the main navigation.
 */
export async function registerTenant(page: Page, organisation: string, owner: string) {
  await page.goto('/register');
  await page.getByLabel('Organisation name').fill(organisation);
  await page.getByLabel('Your name').fill(owner);
  await page.getByLabel('Email').fill(`owner-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  return page.getByRole('navigation', { name: 'Main navigation' });
}

/** Adds a customer from the Customers page and waits for their page to open. */
export async function addCustomer(
  page: Page,
  { firstName, lastName, phone }: { firstName: string; lastName: string; phone: string },
) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await page.getByRole('button', { name: 'Add customer' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add customer' });
  await addDialog.getByLabel('First name').fill(firstName);
  await addDialog.getByLabel('Last name').fill(lastName);
  await addDialog.getByLabel('Phone').fill(phone);
  await addDialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { name: `${firstName} ${lastName}` })).toBeVisible();
}
