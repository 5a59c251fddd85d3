import { expect, test } from '@playwright/test';

test('add a customer, work a ticket from their page to resolved, and see it on the dashboard', async ({
  page,
}) => {
  const suffix = Date.now();

  // A tenant of its own (default country US, so a national number is read as American).
  await page.goto('/register');
  await page.getByLabel('Organisation name').fill('Playwright Dental');
  await page.getByLabel('Your name').fill('Olga Operator');
  await page.getByLabel('Email').fill(`owner-${suffix}@example.com`);
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Create a customer.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('No customers yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add customer' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add customer' });
  await addDialog.getByLabel('First name').fill('Carla');
  await addDialog.getByLabel('Last name').fill('Customer');
  await addDialog.getByLabel('Phone').fill('(415) 555-0123');
  await addDialog.getByLabel('Email').fill(`carla-${suffix}@example.com`);
  await addDialog.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { name: 'Carla Customer' })).toBeVisible();

  // Open the customer page from the list; the phone was stored in E.164.
  await nav.getByRole('link', { name: 'Customers' }).click();
  const customerRow = page.getByRole('row', { name: /Carla Customer/ });
  await expect(customerRow).toContainText('+1 415 555 0123');
  await customerRow.getByRole('link', { name: 'Carla Customer' }).click();
  await expect(page.getByRole('heading', { name: 'Carla Customer' })).toBeVisible();
  await expect(page.getByText('No tickets for this customer')).toBeVisible();

  // Add a ticket from the customer page.
  await page.getByRole('button', { name: 'New ticket' }).click();
  const ticketDialog = page.getByRole('dialog', { name: 'New ticket' });
  await expect(ticketDialog.getByRole('textbox', { name: 'Customer' })).toHaveValue(
    'Carla Customer',
  );
  await ticketDialog.getByLabel('Subject').fill('Crown came loose');
  await ticketDialog.getByLabel('Description').fill('Called about the upper left crown.');
  await ticketDialog.getByRole('button', { name: 'Create ticket' }).click();
  const ticketRow = page.getByRole('row', { name: /Crown came loose/ });
  await expect(ticketRow).toContainText('#1');
  await expect(ticketRow).toContainText('Open');

  // Open the ticket and move it along its workflow.
  await ticketRow.getByRole('link', { name: 'Crown came loose' }).click();
  await expect(page.getByRole('heading', { name: 'Crown came loose' })).toBeVisible();
  const actions = page.getByRole('group', { name: 'Status actions' });
  await expect(actions.getByRole('button')).toHaveText(['Start work', 'Close']);
  await actions.getByRole('button', { name: 'Start work' }).click();
  await expect(actions.getByRole('button')).toHaveText(['Resolve', 'Close']);
  await actions.getByRole('button', { name: 'Resolve' }).click();
  await expect(actions.getByRole('button')).toHaveText(['Reopen', 'Close']);
  await expect(page.getByRole('link', { name: 'Carla Customer' }).first()).toHaveAttribute(
    'href',
    /\/customers\//,
  );

  // The dashboard counts it: one ticket, resolved.
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  const ticketsCard = page.getByRole('group', { name: 'Tickets' });
  await expect(ticketsCard.getByTestId('kpi-value')).toHaveText('1');
  const byStatus = page.getByTestId('tickets-by-status');
  await expect(byStatus.getByRole('listitem', { name: 'Resolved: 1' })).toBeVisible();
  await expect(byStatus.getByRole('listitem', { name: 'Open: 0' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Calls', exact: true })).toContainText(
    'Fills in once the voice agent places or answers phone calls.',
  );
});
