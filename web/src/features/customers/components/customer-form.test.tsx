import type { CustomerView } from '@navaia/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  expectFieldError,
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type MockResponse,
} from '../../../testing/test-utils';
import { CustomerForm } from './customer-form';

function makeCustomer(overrides: Partial<CustomerView> = {}): CustomerView {
  return {
    id: 'c-1',
    displayName: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+4930123456',
    timezone: null,
    localZones: ['Europe/Berlin'],
    tags: ['vip'],
    notes: null,
    doNotCall: false,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

function setUp(answer: (body: unknown) => MockResponse, customer?: CustomerView) {
  signIn({}, { defaultCountry: 'DE' });
  const sent: { method: string; body: unknown; key: string | null }[] = [];
  const fetchMock = mockApi(({ method, body, headers }) => {
    sent.push({ method, body, key: headers.get('Idempotency-Key') });
    return answer(body);
  });
  const onSaved = vi.fn();
  const view = renderWithProviders(
    <CustomerForm customer={customer} onSaved={onSaved} onCancel={() => {}} />,
  );
  return { ...view, sent, fetchMock, onSaved };
}

const field = (label: string) => screen.getByLabelText(label, { exact: false });

describe('customer form', () => {
  it("shows the API's 400 on an invalid phone number next to the phone field", async () => {
    const { user, onSaved } = setUp(() => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'invalid_phone',
        message: 'The phone number is not valid',
        details: [
          { field: 'phone', message: 'phone must be a valid number (E.164, or national for DE)' },
        ],
        requestId: 'r1',
      },
    }));

    await user.type(field('First name'), 'Ada');
    await user.type(field('Phone'), '0000');
    await user.click(screen.getByRole('button', { name: 'Add customer' }));

    expect(
      await screen.findByText('phone must be a valid number (E.164, or national for DE)'),
    ).toBeVisible();
    expectFieldError(field('Phone'), 'phone must be a valid number');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('puts a duplicate phone number (409 with a phone detail) next to the phone field', async () => {
    const { user } = setUp(() => ({
      status: 409,
      body: {
        statusCode: 409,
        error: 'phone_taken',
        message: 'Another customer has this phone number',
        details: [{ field: 'phone', message: 'phone already belongs to another customer' }],
        requestId: 'r2',
      },
    }));

    await user.type(field('Phone'), '030 1234567');
    await user.click(screen.getByRole('button', { name: 'Add customer' }));

    expect(await screen.findByText('phone already belongs to another customer')).toBeVisible();
    expectFieldError(field('Phone'), 'phone already belongs to another customer');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });

  it('shows a 409 detail that names only its field with the message of the answer', async () => {
    const { user } = setUp(() => ({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'Another customer has this phone number',
        details: [{ field: 'phone' }],
      },
    }));

    await user.type(field('Phone'), '030 1234567');
    await user.click(screen.getByRole('button', { name: 'Add customer' }));

    expect(await screen.findByText('Another customer has this phone number')).toBeVisible();
    expectFieldError(field('Phone'), 'Another customer has this phone number');
  });

  it('never sends a form the shared DTO rejects', async () => {
    const { user, fetchMock } = setUp(() => ({ status: 500 }));

    await user.type(field('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Add customer' }));

    expectFieldError(field('Email'), 'email must be a valid email address');
    expect(screen.getByLabelText('Phone', { exact: false })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('creates with what was filled in, an idempotency key and normalised tags', async () => {
    const { user, sent, onSaved } = setUp((body) => ({
      status: 201,
      body: makeCustomer({ ...(body as object), id: 'new' }),
    }));

    await user.type(field('First name'), '  Grace ');
    await user.type(field('Phone'), '030 1234567');
    await user.type(screen.getByRole('textbox', { name: 'Tags' }), 'VIP{Enter}Gold{Enter}');
    await user.click(screen.getByRole('switch', { name: /Do not call/ }));
    await user.click(screen.getByRole('button', { name: 'Add customer' }));

    await expect.poll(() => onSaved.mock.calls.length).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('POST');
    expect(sent[0].body).toEqual({
      firstName: 'Grace',
      phone: '030 1234567',
      tags: ['vip', 'gold'],
      doNotCall: true,
    });
    expect(sent[0].key).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('edits with only the changed fields, clearing an emptied one with null', async () => {
    const customer = makeCustomer();
    const { user, sent, fetchMock } = setUp(
      (body) => ({ body: { ...customer, ...(body as object) } }),
      customer,
    );

    await user.clear(field('Email'));
    await user.clear(field('Last name'));
    await user.type(field('Last name'), 'King');
    await user.click(screen.getByRole('button', { name: 'Save customer' }));

    await expect.poll(() => sent.length).toBe(1);
    expect(requestsOf(fetchMock)).toEqual(['PATCH /customers/c-1']);
    expect(sent[0].body).toEqual({ lastName: 'King', email: null });
    expect(sent[0].key).toBeNull();
  });
});
