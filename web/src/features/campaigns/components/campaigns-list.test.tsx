import { CampaignStatus } from '@navaia/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { CampaignsList } from './campaigns-list';
import { makeCampaign } from './campaign-test-data';

function setUp(role: string, route = '/campaigns') {
  signIn({ role: role as never });
  const lists: URLSearchParams[] = [];
  mockApi(({ method, path, url }) => {
    if (method === 'GET' && path === '/campaigns') {
      lists.push(url.searchParams);
      return {
        body: {
          data: [
            makeCampaign({
              name: 'Spring check-ups',
              status: CampaignStatus.Running,
              progress: { total: 8, done: 2 },
            }),
            makeCampaign({ name: 'Winter offer', progress: { total: 0, done: 0 } }),
          ],
          nextCursor: null,
        },
      };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return { lists, ...renderWithProviders(<CampaignsList />, { route }) };
}

describe('campaigns list', () => {
  it('shows each campaign with its status and progress', async () => {
    setUp('admin');

    const rows = await screen.findAllByTestId('campaign-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Spring check-ups');
    expect(rows[0]).toHaveTextContent('Running');
    expect(rows[0]).toHaveTextContent('Sales');
    expect(rows[0]).toHaveTextContent('2/8 · 25%');
    expect(
      screen.getByRole('progressbar', { name: 'Progress of Spring check-ups' }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(rows[1]).toHaveTextContent('0/0 · 0%');
    expect(screen.getByRole('link', { name: 'Spring check-ups' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/campaigns\/0190a0b2-/),
    );
    expect(screen.getByRole('link', { name: 'New campaign' })).toHaveAttribute(
      'href',
      '/campaigns/new',
    );
  });

  it("sends the address's status filter, and offers no New campaign below admin", async () => {
    const { lists } = setUp('agent', '/campaigns?status=running,paused,bogus');

    await screen.findAllByTestId('campaign-row');
    expect(lists.at(-1)?.get('status')).toBe('running,paused');
    expect(screen.queryByRole('link', { name: 'New campaign' })).not.toBeInTheDocument();
  });
});
