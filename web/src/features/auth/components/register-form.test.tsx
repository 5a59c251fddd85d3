import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { authStore } from '../../../lib/auth-store';
import { mockApi, renderWithProviders } from '../../../testing/test-utils';
import { RegisterForm } from './register-form';

async function fillIn(user: ReturnType<typeof renderWithProviders>['user'], password: string) {
  await user.type(screen.getByLabelText('Organisation name'), 'Acme Dental');
  await user.type(screen.getByLabelText('Your name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Email'), 'grace@acme.test');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('registration form', () => {
  it('shows a 409 without field details in a form-level alert', async () => {
    mockApi(() => ({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'An account with this email already exists',
        requestId: 'r2',
      },
    }));
    const { user } = renderWithProviders(<RegisterForm />);

    await fillIn(user, 'a long unguessable passphrase');

    expect(await screen.findByTestId('form-error')).toHaveTextContent(
      'An account with this email already exists',
    );
    expect(authStore.getState().status).not.toBe('authenticated');
  });

  it('puts a duplicate email (409 with details) next to the email field', async () => {
    mockApi(() => ({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'A user with this email already exists',
        details: [{ field: 'email', message: 'email is already in use' }],
        requestId: 'r3',
      },
    }));
    const { user } = renderWithProviders(<RegisterForm />);

    await fillIn(user, 'a long unguessable passphrase');

    expect(await screen.findByText('email is already in use')).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('email is already in use');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });

  it('applies the shared password policy, e.g. not containing your email address', async () => {
    const fetchMock = mockApi(() => ({ status: 500 }));
    const { user } = renderWithProviders(<RegisterForm />);

    await fillIn(user, 'grace-hopper-2024');

    expect(await screen.findByText('password must not contain your email address')).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends exactly the four registration fields and signs the new owner in', async () => {
    let sent: unknown;
    mockApi(({ body }) => {
      sent = body;
      return {
        status: 201,
        body: {
          accessToken: 't',
          user: { id: 'u1', name: 'Grace Hopper', role: 'owner', mustChangePassword: false },
          tenant: { id: 't1', name: 'Acme Dental' },
        },
      };
    });
    const { user } = renderWithProviders(<RegisterForm />);

    await fillIn(user, 'a long unguessable passphrase');

    await expect.poll(() => authStore.getState().status).toBe('authenticated');
    expect(sent).toEqual({
      tenantName: 'Acme Dental',
      name: 'Grace Hopper',
      email: 'grace@acme.test',
      password: 'a long unguessable passphrase',
    });
  });
});
