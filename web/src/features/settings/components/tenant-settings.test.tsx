import type { TenantView } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectFieldError,
  makeTenant,
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type MockResponse,
} from '../../../testing/test-utils';
import { TenantSettings } from './tenant-settings';

function setUp({
  role = 'owner',
  onPatch = (body: unknown, tenant: TenantView) => ({ body: { ...tenant, ...(body as object) } }),
}: {
  role?: 'owner' | 'admin' | 'agent' | 'viewer';
  onPatch?: (body: unknown, tenant: TenantView) => MockResponse;
} = {}) {
  const session = signIn({ role: role as never });
  const tenant = makeTenant({ ...session.tenant, name: 'Acme Dental' });
  const patches: unknown[] = [];
  const fetchMock = mockApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/tenant') return { body: tenant };
    if (method === 'PATCH' && path === '/tenant') {
      patches.push(body);
      return onPatch(body, tenant);
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  const view = renderWithProviders(<TenantSettings />);
  return { ...view, patches, fetchMock, tenant };
}

const field = (label: string) => screen.getByLabelText(label);
// Mantine's Select labels both its input and its option list.
const select = (label: string) => screen.getByRole('textbox', { name: label });
const save = () => screen.getByRole('button', { name: 'Save changes' });

describe('organisation settings', () => {
  it("shows the organisation's current settings", async () => {
    setUp();

    expect(await screen.findByLabelText('Organisation name')).toHaveValue('Acme Dental');
    expect(select('Time zone')).toHaveValue('Europe/Berlin');
    expect(select('Default country')).toHaveValue('Germany (DE)');
    expect(field('Start time')).toHaveValue('08:00');
    expect(field('End time')).toHaveValue('21:00');
    expect(screen.getByRole('checkbox', { name: 'Mon' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sun' })).not.toBeChecked();
    expect(field('Calls per second')).toHaveValue('1');
    expect(field('Support agent ID')).toHaveValue('agent_support');
    expect(save()).toBeDisabled();
  });

  it('sends only the groups that changed, each group complete', async () => {
    const { user, patches } = setUp();
    await screen.findByLabelText('Organisation name');

    await user.clear(field('Organisation name'));
    await user.type(field('Organisation name'), 'Acme Clinic');
    await user.clear(field('End time'));
    await user.type(field('End time'), '18:30');
    await user.click(screen.getByRole('checkbox', { name: 'Sat' }));
    await user.click(save());

    await expect.poll(() => patches).toHaveLength(1);
    expect(patches[0]).toEqual({
      name: 'Acme Clinic',
      callingWindow: { start: '08:00', end: '18:30', days: [1, 2, 3, 4, 5, 6] },
    });
    expect(await screen.findByText('Organisation settings saved')).toBeInTheDocument();
    expect(save()).toBeDisabled();
  });

  it('picks the time zone and country from searchable lists', async () => {
    const { user, patches } = setUp();
    await screen.findByLabelText('Organisation name');

    await user.click(select('Time zone'));
    await user.clear(select('Time zone'));
    await user.type(select('Time zone'), 'New_York');
    await user.click(await screen.findByRole('option', { name: 'America/New_York' }));
    await user.click(select('Default country'));
    await user.clear(select('Default country'));
    await user.type(select('Default country'), 'United States');
    await user.click(await screen.findByRole('option', { name: 'United States (US)' }));
    await user.click(save());

    await expect.poll(() => patches).toHaveLength(1);
    expect(patches[0]).toEqual({ timezone: 'America/New_York', defaultCountry: 'US' });
  });

  it('sends null to clear an optional value that was set', async () => {
    const { user, patches } = setUp();
    await screen.findByLabelText('Organisation name');

    await user.clear(field('Support agent ID'));
    await user.click(save());

    await expect.poll(() => patches).toHaveLength(1);
    expect(patches[0]).toEqual({ voice: { agents: { support: null } } });
  });

  it('never sends an invalid body: the DTO rules show next to the fields', async () => {
    const { user, fetchMock } = setUp();
    await screen.findByLabelText('Organisation name');

    await user.clear(field('Calls per second'));
    await user.type(field('Calls per second'), '500');
    await user.type(field('From number'), '0155 555');
    await user.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tue' }));
    await user.click(screen.getByRole('checkbox', { name: 'Wed' }));
    await user.click(screen.getByRole('checkbox', { name: 'Thu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Fri' }));
    await user.click(save());

    expectFieldError(field('Calls per second'), 'callsPerSecond must not be greater than 100');
    expectFieldError(
      field('From number'),
      'fromNumber must be a phone number in E.164 format, e.g. +14155550123',
    );
    expect(screen.getByText('days must contain at least 1 elements')).toBeInTheDocument();
    expect(requestsOf(fetchMock)).toEqual(['GET /tenant']);
  });

  it("shows the API's per-field details inline, and the rest in a form-level alert", async () => {
    const { user } = setUp({
      onPatch: () => ({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          details: [
            { field: 'limits.dailyCallCap', message: 'dailyCallCap is above your plan' },
            { field: 'telephony.fromNumber', message: 'fromNumber is not a number you own' },
            { field: 'billing', message: 'billing is not configured' },
          ],
          requestId: 'r9',
        },
      }),
    });
    await screen.findByLabelText('Organisation name');

    await user.clear(field('Daily call cap'));
    await user.type(field('Daily call cap'), '5000');
    await user.type(field('From number'), '+14155550123');
    await user.click(save());

    expect(await screen.findByText('dailyCallCap is above your plan')).toBeInTheDocument();
    expectFieldError(field('Daily call cap'), 'dailyCallCap is above your plan');
    expectFieldError(field('From number'), 'fromNumber is not a number you own');
    expect(screen.getByTestId('form-error')).toHaveTextContent(
      'Validation failed: billing is not configured',
    );
  });

  it('refuses outbound-calling limits outside their range before asking the API', async () => {
    const { user, fetchMock } = setUp();
    await screen.findByLabelText('Organisation name');

    await user.clear(field('Max concurrent calls'));
    await user.type(field('Max concurrent calls'), '0');
    await user.click(save());

    expectFieldError(field('Max concurrent calls'), 'maxConcurrentCalls must not be less than 1');
    expect(requestsOf(fetchMock)).toEqual(['GET /tenant']);
  });

  it('saves the caller number and the ElevenLabs phone number for outbound calls', async () => {
    const { user, patches } = setUp();
    await screen.findByLabelText('Organisation name');

    // Pasted rather than typed: the whole form re-renders on every keystroke.
    await user.click(field('From number'));
    await user.paste('+14155550100');
    await user.click(field('Phone number ID'));
    await user.paste('phnum_123');
    await user.click(save());

    await expect.poll(() => patches).toHaveLength(1);
    expect(patches[0]).toEqual({
      voice: { agents: { support: 'agent_support' }, phoneNumberId: 'phnum_123' },
      telephony: { fromNumber: '+14155550100' },
    });
  });

  it('is read-only for viewers and agents', async () => {
    setUp({ role: 'viewer' });

    expect(await screen.findByLabelText('Organisation name')).toBeDisabled();
    expect(screen.getByTestId('read-only-notice')).toHaveTextContent(
      'Only admins and owners can change organisation settings.',
    );
    expect(select('Time zone')).toBeDisabled();
    expect(field('Calls per second')).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Mon' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the settings cannot be loaded', async () => {
    signIn();
    let fail = true;
    mockApi(() =>
      fail
        ? { status: 503, body: { statusCode: 503, message: 'Database unavailable' } }
        : { body: makeTenant({ name: 'Back again' }) },
    );
    const { user } = renderWithProviders(<TenantSettings />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load organisation settings');
    expect(alert).toHaveTextContent('Database unavailable');

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Organisation name')).toHaveValue('Back again');
  });
});
