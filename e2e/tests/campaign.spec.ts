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
  // One request creates, fills and starts the campaign; its page then follows it over its
  // event stream.
  const stream = page.waitForResponse((response) => response.url().endsWith('/events'));
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByText('Started: 10 customers added.')).toBeVisible();
  expect((await stream).headers()['content-type']).toContain('text/event-stream');

  await expect(page.getByRole('heading', { name: 'Winter check-in' })).toBeVisible();
  await expect(page.getByTestId('campaign-progress').first()).toContainText('10/10 · 100%', {
    timeout: 120_000,
  });
  await expect(page.getByText('Completed').first()).toBeVisible();

  // The recipients table names what each call produced. The simulated customer picks a script
  // at random (one in three declines), and the last conversations may still be processing
  // when the campaign completes: read the table again until a recipient shows one.
  const producing = page
    .getByTestId('recipient-row')
    .filter({ has: page.getByRole('link', { name: /^(Ticket|Booking)$/ }) })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(producing).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  // Its call shows the conversation and links the same record.
  await producing.getByRole('link', { name: 'View call' }).click();
  await expect(page).toHaveURL(/\/calls\/[0-9a-f-]+$/);
  await page.getByRole('link', { name: /Open the (ticket|booking)/ }).click();
  await expect(page).toHaveURL(/\/(tickets|bookings)\/[0-9a-f-]+$/);
});

test('a CSV audience in the wizard: a preview and the rejected rows before anything is saved, then a draft', async ({
  page,
}) => {
  const nav = await registerTenant(page, 'Playwright CSV', 'Cee Essvee');
  await addCustomer(page, { firstName: 'Kim', lastName: 'Known', phone: '(415) 555-0150' });

  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Name').fill('From a file');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('CSV upload', { exact: true }).click();
  const csv = [
    'phone,first_name,last_name,plan',
    '(415) 555-0150,Kim,Known,gold',
    '(415) 555-0151,Lea,"Lind, Jr.",silver',
    'not a phone,Bad,Row,',
  ].join('\n');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'audience.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('cell', { name: 'Lind, Jr.' })).toBeVisible();
  const report = page.getByTestId('check-report');
  await expect(report).toContainText('3 rows: 2 would be added, 1 new customers, 0 updated');
  const rejected = report.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row')).toHaveCount(2);
  await expect(rejected).toContainText('not a phone');

  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('region', { name: 'Review' })).toContainText(
    'audience.csv: 2 of 3 rows would be added',
  );
  await page.getByRole('button', { name: 'Save as draft' }).click();

  await expect(page.getByRole('heading', { name: 'From a file' })).toBeVisible();
  await expect(page.getByText('Saved as a draft: 2 of 3 rows added')).toBeVisible();
  await expect(page.getByTestId('recipient-row')).toHaveCount(2);
});
