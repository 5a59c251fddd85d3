import { expect, test } from '@playwright/test';
import { addCustomer, registerTenant } from './support/tenant';

test('call a customer from their page, follow the call to its transcript, and open the ticket it produced', async ({
  page,
}) => {
  await registerTenant(page, 'Playwright Calls', 'Olga Operator');
  await addCustomer(page, { firstName: 'Carla', lastName: 'Customer', phone: '(415) 555-0123' });
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  // The support agent calls; the drawer follows the call.
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Support' }).click();
  const drawer = page.getByRole('dialog', { name: 'Calling Carla Customer' });
  // Outside the calling hours in San Francisco the app asks first: the test passes at any hour.
  const outside = page.getByRole('dialog', { name: 'Outside calling hours' });
  await expect(drawer.or(outside)).toBeVisible();
  if (await outside.isVisible()) {
    await expect(outside).toContainText('in Los Angeles, outside the calling hours');
    await outside.getByRole('button', { name: 'Call anyway' }).click();
  }
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('call-status')).toHaveAttribute('data-status', 'completed', {
    timeout: 30_000,
  });
  await expect(drawer.getByTestId('call-status')).toContainText('Answered');

  // The post-call webhook brings the transcript and the ticket shortly after the call ends.
  const transcript = drawer.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByTestId('transcript-turn').first()).toBeVisible({ timeout: 30_000 });
  await expect(transcript.locator('[data-role="user"]').first()).toBeVisible();
  const ticketLink = drawer.getByRole('link', { name: 'Open the ticket' });
  await expect(ticketLink).toBeVisible({ timeout: 30_000 });

  // The call is on the customer's Calls tab and on the Calls page.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByRole('tab', { name: 'Calls' }).click();
  await expect(page.getByTestId('call-row')).toHaveCount(1);
  await expect(page.getByTestId('call-row').getByTestId('call-status')).toHaveAttribute(
    'data-status',
    'completed',
  );
  await nav.getByRole('link', { name: 'Calls' }).click();
  const callRow = page.getByTestId('call-row').filter({ hasText: 'Carla Customer' });
  await expect(callRow).toContainText('Completed');

  // The call's page: its timeline and transcript, and the ticket it produced.
  await callRow.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Call to Carla Customer' })).toBeVisible();
  await expect(page.getByTestId('call-event').first()).toBeVisible();
  await expect(page.getByRole('log', { name: 'Transcript' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  await expect(page.getByRole('link', { name: 'Carla Customer' }).first()).toBeVisible();
});
