import { expect, test, type Page } from '@playwright/test';
import { addCustomer, registerTenant } from './support/tenant';

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
  const nav = await registerTenant(page, 'Playwright Broadband', 'Vera Voice');
  // The customer who calls.
  await addCustomer(page, { firstName: 'Carla', lastName: 'Caller', phone: '(415) 555-0188' });

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
