import type { ApiKeyView, CreatedApiKey, UserView } from '@navaia/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type Handler,
} from '../../../testing/test-utils';
import { ApiKeysPage } from './api-keys-page';

let sequence = 0;

function makeKey(overrides: Partial<ApiKeyView> = {}): ApiKeyView {
  const n = ++sequence;
  return {
    id: `key-${n}`,
    name: `Key ${n}`,
    prefix: `Prefix${String(n).padStart(6, '0')}`,
    scopes: ['*'],
    status: 'active',
    createdAt: '2026-02-01T10:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    graceUntil: null,
    rotatedToId: null,
    ...overrides,
  };
}

const secretOf = (key: ApiKeyView) => `nvk_${key.prefix}_${'s'.repeat(43)}`;

/** An admin's organisation with `keys`; creates, rotations and revocations change them. */
function setUp(
  keys: ApiKeyView[],
  { role = 'admin', handle }: { role?: string; handle?: Handler } = {},
) {
  signIn({ role: role as UserView['role'] });
  let current = [...keys];
  const fetchMock = mockApi(async (request) => {
    const answer = await handle?.(request);
    if (answer) return answer;
    const { method, path, body } = request;
    if (method === 'GET' && path === '/api-keys')
      return { body: { data: current, nextCursor: null } };
    if (method === 'POST' && path === '/api-keys') {
      const key = makeKey({ ...(body as object) });
      current = [key, ...current];
      return { status: 201, body: { ...key, key: secretOf(key) } satisfies CreatedApiKey };
    }
    const rotate = /^\/api-keys\/([^/]+)\/rotate$/.exec(path);
    if (method === 'POST' && rotate) {
      const old = current.find((k) => k.id === rotate[1])!;
      const key = makeKey({ name: old.name, scopes: old.scopes });
      current = [
        key,
        ...current.map((k) =>
          k === old
            ? {
                ...k,
                status: 'rotating' as const,
                graceUntil: '2026-02-02T10:00:00.000Z',
                rotatedToId: key.id,
              }
            : k,
        ),
      ];
      return { status: 201, body: { ...key, key: secretOf(key) } };
    }
    const revoke = /^\/api-keys\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && revoke) {
      current = current.map((k) =>
        k.id === revoke[1]
          ? { ...k, status: 'revoked' as const, revokedAt: '2026-02-03T10:00:00.000Z' }
          : k,
      );
      return { status: 204 };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return { fetchMock, ...renderWithProviders(<ApiKeysPage />) };
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('API keys page', () => {
  it('lists each key with its prefix, scopes, dates and status', async () => {
    setUp([
      makeKey({
        name: 'CRM sync',
        scopes: ['customers:write', 'tickets:read'],
        lastUsedAt: '2026-02-04T09:00:00.000Z',
      }),
      makeKey({ name: 'Old export', status: 'rotating', graceUntil: '2026-02-05T12:00:00.000Z' }),
      makeKey({ name: 'Gone', status: 'revoked', revokedAt: '2026-02-01T11:00:00.000Z' }),
    ]);

    const crm = await screen.findByRole('row', { name: /CRM sync/ });
    expect(crm).toHaveTextContent(/nvk_Prefix\d{6}_…/);
    expect(crm).toHaveTextContent('Customers: write');
    expect(crm).toHaveTextContent('Tickets: read');
    expect(crm).toHaveTextContent('Never'); // expires
    expect(crm).toHaveTextContent('Active');
    expect(row('Old export')).toHaveTextContent('Rotating until Feb 5, 2026');
    expect(row('Old export')).toHaveTextContent('Full access');
    expect(row('Gone')).toHaveTextContent('Revoked');
    // A revoked key can be neither rotated nor revoked again; a rotating one only revoked.
    expect(within(row('Gone')).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(row('Old export')).queryByRole('button', { name: /Rotate/ }),
    ).not.toBeInTheDocument();
    expect(
      within(row('Old export')).getByRole('button', { name: 'Revoke Old export' }),
    ).toBeVisible();
  });

  it('creates a key with chosen scopes and shows it exactly once', async () => {
    const { user, fetchMock } = setUp([]);
    await screen.findByText('No API keys yet');

    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create API key' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'CRM sync');
    await user.click(
      within(within(dialog).getByRole('radiogroup', { name: 'Customers access' })).getByRole(
        'radio',
        { name: 'Write' },
      ),
    );
    await user.click(
      within(within(dialog).getByRole('radiogroup', { name: 'Tickets access' })).getByRole(
        'radio',
        {
          name: 'Read',
        },
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your API key' });
    const created = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(created?.[1]?.body))).toEqual({
      name: 'CRM sync',
      scopes: ['customers:write', 'tickets:read'],
    });
    const key = within(shown).getByTestId('new-api-key').textContent!;
    expect(key).toMatch(/^nvk_/);
    expect(shown).toHaveTextContent('This is the only time the key is shown');

    await user.click(within(shown).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(key);
    expect(within(shown).getByRole('button', { name: 'Copied' })).toBeVisible();

    await user.click(within(shown).getByRole('button', { name: 'I have stored the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('row', { name: /CRM sync/ })).toBeVisible();
    expect(screen.queryByText(key)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(key);
  });

  it('asks for at least one scope before sending', async () => {
    const { user, fetchMock } = setUp([]);
    await screen.findByText('No API keys yet');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create API key' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Nothing allowed');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    expect(await within(dialog).findByText('scopes must name at least one scope')).toBeVisible();
    expect(requestsOf(fetchMock)).not.toContain('POST /api-keys');
  });

  it('sends full access as * and an expiry when chosen', async () => {
    const { user, fetchMock } = setUp([]);
    await screen.findByText('No API keys yet');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create API key' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Everything');
    await user.click(within(dialog).getByRole('checkbox', { name: /Full access/ }));
    expect(within(dialog).queryByRole('radiogroup')).not.toBeInTheDocument();
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Expires' }),
      'In 30 days',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));

    await screen.findByRole('dialog', { name: 'Copy your API key' });
    const created = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    const body = JSON.parse(String(created?.[1]?.body));
    expect(body).toMatchObject({ name: 'Everything', scopes: ['*'] });
    const days = (new Date(body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  it('revokes a key only after confirmation', async () => {
    const { user, fetchMock } = setUp([makeKey({ name: 'Billing' })]);
    await screen.findByRole('row', { name: /Billing/ });

    await user.click(screen.getByRole('button', { name: 'Revoke Billing' }));
    let dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    expect(dialog).toHaveTextContent('stops working immediately');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsOf(fetchMock).some((r) => r.startsWith('DELETE'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Revoke Billing' }));
    dialog = await screen.findByRole('dialog', { name: 'Revoke API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(row('Billing')).toHaveTextContent('Revoked'));
    expect(requestsOf(fetchMock).filter((r) => r.startsWith('DELETE'))).toHaveLength(1);
    expect(screen.getByText('Billing was revoked')).toBeInTheDocument();
  });

  it('rotates a key after confirmation and shows the new key once', async () => {
    const { user, fetchMock } = setUp([makeKey({ name: 'Webshop' })]);
    await screen.findByRole('row', { name: /Webshop/ });

    await user.click(screen.getByRole('button', { name: 'Rotate Webshop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate API key' });
    await user.click(within(dialog).getByRole('textbox', { name: 'Keep the old key working' }));
    await user.click(await screen.findByRole('option', { name: 'For 1 hour' }));
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy your API key' });
    expect(within(shown).getByTestId('new-api-key')).toHaveTextContent(/^nvk_/);
    const rotation = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/rotate'));
    expect(JSON.parse(String(rotation?.[1]?.body))).toEqual({ graceSeconds: 3600 });
    await user.click(within(shown).getByRole('button', { name: 'I have stored the key' }));
    expect(await screen.findByText(/Rotating until/)).toBeVisible();
  });

  it('shows the API error when a rotation is refused', async () => {
    const { user } = setUp([makeKey({ name: 'Stale' })], {
      handle: ({ method, path }) =>
        method === 'POST' && path.endsWith('/rotate')
          ? {
              status: 409,
              body: { message: 'Only an active API key can be rotated; this one is revoked' },
            }
          : (undefined as never),
    });
    await screen.findByRole('row', { name: /Stale/ });
    await user.click(screen.getByRole('button', { name: 'Rotate Stale' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate API key' });
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('this one is revoked');
  });

  it.each(['agent', 'viewer'])('shows a %s no keys and asks the API nothing', async (role) => {
    const { fetchMock } = setUp([makeKey()], { role });
    expect(
      await screen.findByText('Only admins and owners can see and manage API keys.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Create API key' })).not.toBeInTheDocument();
    expect(requestsOf(fetchMock)).toEqual([]);
  });
});
