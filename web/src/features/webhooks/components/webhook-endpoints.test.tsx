import type { WebhookDeliveryView, WebhookEndpointView } from '@navaia/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type Handler,
} from '../../../testing/test-utils';
import { WebhookEndpoints } from './webhook-endpoints';

const SECRET = 'whsec_c2VjcmV0LXNob3duLW9uY2UtYW5kLW5ldmVyLWFnYWlu';

function makeEndpoint(overrides: Partial<WebhookEndpointView> = {}): WebhookEndpointView {
  return {
    id: 'ep-1',
    url: 'https://crm.example.com/hooks/navaia',
    description: 'CRM sync',
    eventTypes: ['ticket.created', 'booking.created'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    previousSecretExpiresAt: null,
    consecutiveFailures: 0,
    failingSince: null,
    lastSuccessAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

function makeDelivery(overrides: Partial<WebhookDeliveryView> = {}): WebhookDeliveryView {
  return {
    id: 'd-1',
    endpointId: 'ep-1',
    eventType: 'ticket.created',
    webhookId: 'msg_0001',
    status: 'delivered' as WebhookDeliveryView['status'],
    attempts: 1,
    lastStatusCode: 200,
    lastError: null,
    responseSnippet: 'ok',
    nextAttemptAt: null,
    lastAttemptAt: '2026-01-02T10:00:00.000Z',
    deliveredAt: '2026-01-02T10:00:00.000Z',
    createdAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

/** A tenant whose endpoints are `endpoints`; `handle` answers everything else. */
function setUp(role: string, endpoints: WebhookEndpointView[], handle?: Handler) {
  signIn({ role: role as never });
  let list = endpoints;
  const fetchMock = mockApi(async (request) => {
    if (request.method === 'GET' && request.path === '/webhook-endpoints') {
      return { body: { data: list, nextCursor: null } };
    }
    const answer = await handle?.(request);
    if (answer && request.method === 'POST' && request.path === '/webhook-endpoints') {
      const { secret: _secret, ...view } = answer.body as WebhookEndpointView & { secret: string };
      list = [view, ...list];
    }
    return answer ?? { status: 404, body: { message: 'Not found' } };
  });
  return { fetchMock, ...renderWithProviders(<WebhookEndpoints />) };
}

async function openMenuItem(user: ReturnType<typeof setUp>['user'], url: string, item: string) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${url}` }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

describe('webhook endpoints', () => {
  it('lists endpoints with their events and status, and why a disabled one is off', async () => {
    setUp('viewer', [
      makeEndpoint(),
      makeEndpoint({
        id: 'ep-2',
        url: 'https://old.example.com/hook',
        enabled: false,
        disabledReason: 'Disabled after 8 failed attempts in a row over 24 h without a success',
      }),
    ]);

    const first = await screen.findByRole('row', { name: /crm\.example\.com/ });
    expect(first).toHaveTextContent('ticket.created');
    expect(first).toHaveTextContent('booking.created');
    expect(first).toHaveTextContent('Enabled');
    const second = screen.getByRole('row', { name: /old\.example\.com/ });
    expect(second).toHaveTextContent('Disabled');
    expect(second).toHaveTextContent('Disabled after 8 failed attempts in a row');
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).not.toBeInTheDocument();
  });

  it('creates an endpoint and shows its secret once', async () => {
    let sent: unknown;
    const { user } = setUp('admin', [], ({ method, path, body }) => {
      if (method !== 'POST' || path !== '/webhook-endpoints') return undefined as never;
      sent = body;
      return {
        status: 201,
        body: { ...makeEndpoint({ id: 'ep-new', ...(body as object) }), secret: SECRET },
      };
    });
    expect(await screen.findByText('No webhook endpoints yet')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const form = await screen.findByRole('dialog', { name: 'Add endpoint' });
    await user.type(within(form).getByLabelText(/^URL/), 'https://crm.example.com/hooks/navaia');
    await user.click(within(form).getByRole('checkbox', { name: 'ticket.created' }));
    await user.click(within(form).getByRole('checkbox', { name: 'booking.updated' }));
    await user.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    const dialog = await screen.findByRole('dialog', { name: 'Signing secret' });
    expect(within(dialog).getByTestId('webhook-secret')).toHaveTextContent(SECRET);
    expect(dialog).toHaveTextContent('it is shown only once');
    expect(sent).toEqual({
      url: 'https://crm.example.com/hooks/navaia',
      eventTypes: ['ticket.created', 'booking.updated'],
    });

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).not.toBeInTheDocument());
    expect(await screen.findByRole('row', { name: /crm\.example\.com/ })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('checks the form with the shared DTO before sending', async () => {
    const { user, fetchMock } = setUp('owner', []);
    await screen.findByText('No webhook endpoints yet');

    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const form = await screen.findByRole('dialog', { name: 'Add endpoint' });
    await user.type(within(form).getByLabelText(/^URL/), 'ftp://example.com');
    await user.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    expect(await within(form).findByText('url must be an http:// or https:// URL')).toBeVisible();
    expect(within(form).getByText('eventTypes must name at least one event')).toBeVisible();
    expect(requestsOf(fetchMock)).toEqual(['GET /webhook-endpoints']);
  });

  it("shows the API's refusal of a private address next to the URL", async () => {
    const { user } = setUp('owner', [], () => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'url points to a private address (10.0.0.5)',
        details: [{ field: 'url', message: 'url points to a private address (10.0.0.5)' }],
      },
    }));
    await screen.findByText('No webhook endpoints yet');
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const form = await screen.findByRole('dialog', { name: 'Add endpoint' });
    await user.type(within(form).getByLabelText(/^URL/), 'http://10.0.0.5/hook');
    await user.click(within(form).getByRole('checkbox', { name: 'ticket.created' }));
    await user.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    expect(
      await within(form).findByText('url points to a private address (10.0.0.5)'),
    ).toBeVisible();
  });

  it('renders the delivery log and replays a delivery through the API', async () => {
    const { user, fetchMock } = setUp('admin', [makeEndpoint()], ({ method, path }) => {
      if (method === 'GET' && path === '/webhook-endpoints/ep-1/deliveries') {
        return {
          body: {
            data: [
              makeDelivery(),
              makeDelivery({
                id: 'd-2',
                webhookId: 'msg_0002',
                eventType: 'booking.created',
                status: 'failed' as WebhookDeliveryView['status'],
                attempts: 8,
                lastStatusCode: 500,
                lastError: 'HTTP 500',
              }),
            ],
            nextCursor: null,
          },
        };
      }
      if (method === 'POST' && path === '/webhook-endpoints/ep-1/deliveries/d-2/replay') {
        return { status: 202, body: makeDelivery({ id: 'd-2', status: 'pending' as never }) };
      }
      return undefined as never;
    });
    await openMenuItem(user, 'https://crm.example.com/hooks/navaia', 'Deliveries');

    const delivered = await screen.findByTestId('delivery-d-1');
    expect(delivered).toHaveTextContent('ticket.created');
    expect(delivered).toHaveTextContent('msg_0001');
    expect(delivered).toHaveTextContent('Delivered');
    expect(delivered).toHaveTextContent('200');
    const failed = screen.getByTestId('delivery-d-2');
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('500');
    expect(failed).toHaveTextContent('8');

    await user.click(within(failed).getByRole('button', { name: 'Replay msg_0002' }));
    expect(await screen.findByText('The delivery will be attempted again')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toContain('POST /webhook-endpoints/ep-1/deliveries/d-2/replay');
  });

  it('rotates the secret and shows the new one with the overlap', async () => {
    const rotated = 'whsec_bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg==';
    const { user } = setUp('owner', [makeEndpoint()], ({ method, path }) =>
      method === 'POST' && path === '/webhook-endpoints/ep-1/rotate-secret'
        ? { body: { ...makeEndpoint(), secret: rotated } }
        : (undefined as never),
    );
    await openMenuItem(user, 'https://crm.example.com/hooks/navaia', 'Rotate secret');

    const dialog = await screen.findByRole('dialog', { name: 'Signing secret' });
    expect(within(dialog).getByTestId('webhook-secret')).toHaveTextContent(rotated);
    expect(dialog).toHaveTextContent('The previous secret keeps signing deliveries for 24 hours');
  });

  it('sends a test event, and re-enables a disabled endpoint', async () => {
    const { user, fetchMock } = setUp(
      'admin',
      [
        makeEndpoint(),
        makeEndpoint({ id: 'ep-2', url: 'https://b.example.com/h', enabled: false }),
      ],
      ({ method, path }) => {
        if (method === 'POST' && path === '/webhook-endpoints/ep-1/test')
          return { status: 202, body: makeDelivery({ eventType: 'webhook.test' }) };
        if (method === 'POST' && path === '/webhook-endpoints/ep-2/enable')
          return { body: makeEndpoint({ id: 'ep-2', url: 'https://b.example.com/h' }) };
        return undefined as never;
      },
    );
    await openMenuItem(user, 'https://crm.example.com/hooks/navaia', 'Send test event');
    expect(await screen.findByText('A test event is on its way')).toBeInTheDocument();
    await openMenuItem(user, 'https://b.example.com/h', 'Enable');
    expect(await screen.findByText('The endpoint was enabled')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toEqual(
      expect.arrayContaining([
        'POST /webhook-endpoints/ep-1/test',
        'POST /webhook-endpoints/ep-2/enable',
      ]),
    );
  });

  it('deletes an endpoint only after confirmation', async () => {
    const { user, fetchMock } = setUp('owner', [makeEndpoint()], ({ method }) =>
      method === 'DELETE' ? { status: 204 } : (undefined as never),
    );
    await openMenuItem(user, 'https://crm.example.com/hooks/navaia', 'Delete');
    const dialog = await screen.findByRole('dialog', { name: 'Delete endpoint' });
    expect(requestsOf(fetchMock)).not.toContain('DELETE /webhook-endpoints/ep-1');

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The endpoint was deleted')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toContain('DELETE /webhook-endpoints/ep-1');
  });

  it('lets viewers read the delivery log without replaying', async () => {
    const { user } = setUp('viewer', [makeEndpoint()], ({ method, path }) =>
      method === 'GET' && path === '/webhook-endpoints/ep-1/deliveries'
        ? { body: { data: [makeDelivery()], nextCursor: null } }
        : (undefined as never),
    );
    await user.click(
      await screen.findByRole('button', {
        name: 'Deliveries to https://crm.example.com/hooks/navaia',
      }),
    );
    expect(await screen.findByTestId('delivery-d-1')).toHaveTextContent('Delivered');
    expect(screen.queryByRole('button', { name: /^Replay/ })).not.toBeInTheDocument();
  });

  it('lists endpoints for members below admin without their URLs, by description', async () => {
    const { user } = setUp('viewer', [makeEndpoint({ url: null })], ({ method, path }) =>
      method === 'GET' && path === '/webhook-endpoints/ep-1/deliveries'
        ? {
            body: {
              data: [makeDelivery({ responseSnippet: null, lastError: null })],
              nextCursor: null,
            },
          }
        : (undefined as never),
    );
    const row = await screen.findByRole('row', { name: /CRM sync/ });
    expect(row).toHaveTextContent('URL shown to admins only');
    expect(row).not.toHaveTextContent('null');
    await user.click(within(row).getByRole('button', { name: 'Deliveries to CRM sync' }));
    expect(await screen.findByTestId('delivery-d-1')).toHaveTextContent('Delivered');
    expect(screen.getByText('Deliveries to CRM sync')).toBeInTheDocument();
  });

  it('shows an error with a retry when the list fails', async () => {
    signIn({ role: 'owner' as never });
    mockApi(() => ({ status: 500, body: { statusCode: 500, message: 'Internal error' } }));
    renderWithProviders(<WebhookEndpoints />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load webhook endpoints');
  });
});
