import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCustomer } from '../../../testing/factories';
import { mockApi, renderWithProviders, signIn, type Handler } from '../../../testing/test-utils';
import { CustomersList } from './customers-list';

type RoleName = 'owner' | 'agent' | 'viewer';

function setUp(handle: Handler, role: RoleName = 'agent', route = '/customers') {
  signIn({ role: role as never }, { timezone: 'UTC' });
  const lists: URLSearchParams[] = [];
  const fetchMock = mockApi((request) => {
    if (request.method === 'GET' && request.path === '/customers') {
      lists.push(request.url.searchParams);
    }
    return handle(request);
  });
  return { lists, fetchMock, ...renderWithProviders(<CustomersList />, { route }) };
}

const firstPage = [
  makeCustomer({
    displayName: 'Ada Lovelace',
    phone: '+14155550123',
    email: 'ada@example.com',
    tags: ['vip', 'gold'],
    doNotCall: true,
    createdAt: '2026-01-05T10:00:00.000Z',
  }),
  makeCustomer({ displayName: 'Grace Hopper', phone: '+442079460958', email: null }),
];
const secondPage = [makeCustomer({ displayName: 'Alan Turing' })];

const pages: Handler = ({ url }) =>
  url.searchParams.get('cursor') === 'cursor-2'
    ? { body: { data: secondPage, nextCursor: null } }
    : { body: { data: firstPage, nextCursor: 'cursor-2' } };

describe('customers table', () => {
  it('shows each customer with formatted phone, email, tags, do-not-call badge and creation date', async () => {
    setUp(pages);

    const ada = await screen.findByRole('row', { name: /Ada Lovelace/ });
    expect(ada).toHaveTextContent('+1 415 555 0123');
    expect(ada).toHaveTextContent('ada@example.com');
    expect(ada).toHaveTextContent('vip');
    expect(ada).toHaveTextContent('gold');
    expect(ada).toHaveTextContent('Do not call');
    expect(ada).toHaveTextContent('2026');
    const grace = screen.getByRole('row', { name: /Grace Hopper/ });
    expect(grace).toHaveTextContent('+44 20 7946 0958');
    expect(grace).not.toHaveTextContent('Do not call');
    expect(within(ada).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute(
      'href',
      `/customers/${firstPage[0].id}`,
    );
  });

  it("requests the next page with the API's cursor, and goes back to the first", async () => {
    const { user, lists } = setUp(pages);
    await screen.findByRole('row', { name: /Ada Lovelace/ });
    expect(lists[0].get('cursor')).toBeNull();
    expect(lists[0].get('limit')).toBe('25');

    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('row', { name: /Alan Turing/ })).toBeVisible();
    expect(lists.at(-1)?.get('cursor')).toBe('cursor-2');
    expect(screen.queryByRole('row', { name: /Ada Lovelace/ })).not.toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('row', { name: /Ada Lovelace/ })).toBeVisible();
  });

  it('searches once typing pauses and starts again from the first page', async () => {
    const { user, lists } = setUp(pages);
    await screen.findByRole('row', { name: /Ada Lovelace/ });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('row', { name: /Alan Turing/ });
    const before = lists.length;

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ada');

    await expect.poll(() => lists.at(-1)?.get('search')).toBe('ada');
    // One request for the whole word, not one per key, and no cursor of the old page.
    expect(lists.slice(before).map((p) => p.get('search'))).toEqual(['ada']);
    expect(lists.at(-1)?.get('cursor')).toBeNull();
  });

  it('filters by tag and do-not-call from the address', async () => {
    const { lists } = setUp(pages, 'agent', '/customers?tag=vip&dnc=dnc');
    await screen.findByRole('row', { name: /Ada Lovelace/ });
    expect(lists[0].get('tag')).toBe('vip');
    expect(lists[0].get('doNotCall')).toBe('true');
  });

  it('explains an empty list, and offers "Add customer" to agents only', async () => {
    setUp(() => ({ body: { data: [], nextCursor: null } }), 'viewer');

    expect(await screen.findByText('No customers yet')).toBeVisible();
    expect(screen.getByText(/when you add them, or when the voice agent talks/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add customer' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    let fail = true;
    const { user } = setUp(() =>
      fail
        ? { status: 503, body: { statusCode: 503, message: 'Database unavailable' } }
        : { body: { data: firstPage, nextCursor: null } },
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load customers');
    expect(alert).toHaveTextContent('Database unavailable');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /Ada Lovelace/ })).toBeVisible();
  });
});
