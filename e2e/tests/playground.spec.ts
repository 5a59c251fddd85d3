import { expect, test, type Page } from '@playwright/test';

/** Says one line to the simulated agent and waits for its answer. */
async function say(page: Page, text: string) {
  const input = page.getByRole('textbox', { name: 'Your message' });
  await input.fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript.getByText(text, { exact: true })).toBeVisible();
}

test('talk to the simulated agent in the Playground: a support call becomes a ticket, a sales call a booking', async ({
  page,
}) => {
  const suffix = Date.now();

  // A tenant of its own (default country US, so a national number is read as American).
  await page.goto('/register');
  await page.getByLabel('Organisation name').fill('Playwright Broadband');
  await page.getByLabel('Your name').fill('Vera Voice');
  await page.getByLabel('Email').fill(`owner-${suffix}@example.com`);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // The customer who calls.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'Add customer' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add customer' });
  await addDialog.getByLabel('First name').fill('Carla');
  await addDialog.getByLabel('Last name').fill('Caller');
  await addDialog.getByLabel('Phone').fill('(415) 555-0188');
  await addDialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { name: 'Carla Caller' })).toBeVisible();

  // (1) Support: a problem, confirmed, becomes a ticket.
  await nav.getByRole('link', { name: 'Playground' }).click();
  await expect(page.getByRole('heading', { name: 'Playground' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Talk as' }).fill('Carla');
  await page.getByRole('option', { name: /Carla Caller/ }).click();
  await page.getByRole('button', { name: 'Start conversation' }).click();

  const transcript = page.getByRole('log', { name: 'Transcript' });
  await expect(transcript).toContainText(
    'Hi Carla Caller, thanks for calling. How can I help you today?',
  );
  await say(page, 'My internet connection keeps failing since this morning');
  await expect(transcript).toContainText('Shall I log this for our team?');
  await say(page, 'Yes please');

  const ticketLink = page.getByRole('link', { name: 'Ticket #1 created' });
  await expect(ticketLink).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: 'Your message' })).toHaveCount(0);
  await ticketLink.click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  await expect(
    page.getByRole('heading', { name: /internet connection keeps failing/i }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Carla Caller' }).first()).toBeVisible();

  // (2) Sales: a service, a time, a yes — a booking.
  await nav.getByRole('link', { name: 'Playground' }).click();
  await page.getByText('Sales', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Talk as' }).fill('Carla');
  await page.getByRole('option', { name: /Carla Caller/ }).click();
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await expect(transcript).toContainText('Hi Carla Caller, thanks for calling.');
  await say(page, 'I would like to book a haircut');
  await expect(transcript).toContainText('Which day and time would suit you?');
  await say(page, 'Tomorrow at 10 am');
  await expect(transcript).toContainText('Shall I book it?');
  await say(page, 'Yes');

  const bookingLink = page.getByRole('link', { name: /^Booking for haircut on .+ created$/ });
  await expect(bookingLink).toBeVisible({ timeout: 30_000 });
  await bookingLink.click();
  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]+$/);
  await expect(page.getByText('haircut').first()).toBeVisible();

  // Both conversations are listed with what they led to.
  await nav.getByRole('link', { name: 'Conversations' }).click();
  const rows = page.getByTestId('voice-session-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Booking created');
  await expect(rows.nth(1)).toContainText('Ticket created');
});
