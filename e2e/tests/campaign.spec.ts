import { expect, test } from '@playwright/test';
import { addCustomer, registerTenant } from './support/tenant';

const PEOPLE = [
  'Ada Byron',
  'Ben Okafor',
  'Cleo Marsh',
  'Dev Patel',
  'Eva Lind',
  'Finn Berg',
  'Gia Russo',
  'Hugo Diaz',
  'Iris Chen',
  'Jon Reyes',
];

test('create a campaign for ten customers in the wizard, start it, watch it reach 100 % and open a ticket it produced', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const nav = await registerTenant(page, 'Playwright Campaigns', 'Cam Paign');
  for (const [index, person] of PEOPLE.entries()) {
    const [firstName, lastName] = person.split(' ');
    await addCustomer(page, {
      firstName,
      lastName,
      phone: `(415) 555-01${String(index).padStart(2, '0')}`,
    });
  }

  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Name').fill('Winter check-in');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('All customers', { exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  // Its own window, open all day every day, so the run does not depend on the hour or the day.
  await page.getByLabel('Use its own calling window').check();
  await page.getByLabel('Calls from').fill('00:00');
  await page.getByLabel('Until').fill('23:59');
  const days = page.getByRole('group', { name: 'Calling days' });
  for (const day of ['Sat', 'Sun']) {
    if (!(await days.getByRole('checkbox', { name: day }).isChecked()))
      await days.getByText(day, { exact: true }).click();
    await expect(days.getByRole('checkbox', { name: day })).toBeChecked();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByTestId('recipients-report')).toContainText('10');
  await page.getByRole('link', { name: 'Open the campaign' }).click();

  await expect(page.getByRole('heading', { name: 'Winter check-in' })).toBeVisible();
  await expect(page.getByTestId('campaign-progress').first()).toContainText('10/10 · 100%', {
    timeout: 120_000,
  });
  await expect(page.getByText('Completed').first()).toBeVisible();

  // A recipient's call, and the ticket its conversation produced.
  const row = page.getByTestId('recipient-row').first();
  await row.getByRole('link').last().click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]+$/);
  await page.getByRole('link', { name: /Open the (ticket|booking)/ }).click();
  await expect(page).toHaveURL(/\/(tickets|bookings)\/[0-9a-f-]+$/);
});
