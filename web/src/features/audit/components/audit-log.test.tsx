import { Role, type AuditEntryView } from '@navaia/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { AuditLog } from './audit-log';

let sequence = 0;

function makeEntry(overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  const n = ++sequence;
  return {
    id: `entry-${n}`,
    actorType: 'user',
    actorId: 'user-1',
    actorName: 'Olivia Owner',
    action: 'update',
    entityType: 'customer',
    entityId: `0198c0de-0000-7000-8000-00000000000${n % 10}`,
    before: null,
    after: null,
    requestId: `req-${n}`,
    createdAt: '2026-02-01T10:00:00.000Z',
    ...overrides,
  };
}

function setUp(entries: AuditEntryView[], route = '/settings/audit-log') {
  signIn({ role: Role.Admin });
  const queries: URLSearchParams[] = [];
  const fetchMock = mockApi(({ method, path, url }) => {
    if (method === 'GET' && path === '/audit-log') {
      queries.push(url.searchParams);
      return { body: { data: entries, nextCursor: null } };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return { queries, fetchMock, ...renderWithProviders(<AuditLog />, { route }) };
}

describe('audit log', () => {
  it('shows who did what, and an API key request as method, path and status', async () => {
    setUp([
      makeEntry({ action: 'create', entityType: 'ticket' }),
      makeEntry({
        actorType: 'api_key',
        actorId: 'key-1',
        actorName: 'CRM sync',
        action: 'api_request',
        entityType: 'request',
        after: { method: 'POST', path: '/api/v1/customers', status: 201 },
      }),
    ]);
    const request = await screen.findByRole('row', { name: /CRM sync/ });
    expect(request).toHaveTextContent('API key');
    expect(request).toHaveTextContent('API request');
    expect(request).toHaveTextContent('POST /api/v1/customers → 201');
    expect(screen.getByRole('row', { name: /Olivia Owner/ })).toHaveTextContent('Created');
  });

  it('shows the fields before and after a change, changed ones marked', async () => {
    const { user } = setUp([
      makeEntry({
        before: { firstName: 'Ada', phone: '+14155550100' },
        after: { firstName: 'Grace', phone: '+14155550100' },
      }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'View changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change details' });
    const diff = within(dialog).getByTestId('audit-diff');
    const firstName = within(diff).getByRole('row', { name: /firstName/ });
    expect(firstName).toHaveTextContent('Ada');
    expect(firstName).toHaveTextContent('Grace');
    expect(firstName).toHaveAttribute('data-kind', 'changed');
    expect(within(diff).getByRole('row', { name: /phone/ })).toHaveAttribute('data-kind', 'same');
  });

  it('asks the API for the filters in the address and narrows to one actor on a click', async () => {
    const { user, queries } = setUp(
      [makeEntry({ actorId: 'user-7', actorName: 'Ivan Admin' })],
      '/settings/audit-log?action=create,update&entityType=customer&from=2026-02-01&to=2026-02-01',
    );
    await screen.findByRole('row', { name: /Ivan Admin/ });
    expect(Object.fromEntries(queries[0])).toMatchObject({
      action: 'create,update',
      entityType: 'customer',
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-02-02T00:00:00.000Z',
    });

    await user.click(screen.getByRole('button', { name: 'Ivan Admin' }));
    await waitFor(() =>
      expect(Object.fromEntries(queries[queries.length - 1])).toMatchObject({
        actorId: 'user-7',
        actorType: 'user',
      }),
    );
    expect(await screen.findByText('Only Ivan Admin')).toBeVisible();
  });
});
