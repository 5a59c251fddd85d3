import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { authStore } from '../../../lib/auth-store';
import {
  makeTenant,
  makeUser,
  mockApi,
  renderWithProviders,
  requestsOf,
} from '../../../testing/test-utils';
import { LoginForm } from './login-form';

describe('log-in form', () => {
  it('shows the shared DTO rules next to the fields and does not call the API', async () => {
    const fetchMock = mockApi(() => ({ status: 500 }));
    const { user } = renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('email must be a valid email address')).toBeInTheDocument();
    expect(screen.getByText('password should not be empty')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("puts the API's field error next to its field", async () => {
    mockApi(() => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [{ field: 'email', message: 'this address cannot sign in here' }],
        requestId: 'r1',
      },
    }));
    const { user } = renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('this address cannot sign in here')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('this address cannot sign in here');
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });

  it('shows wrong credentials in a form-level alert', async () => {
    mockApi(() => ({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect' },
    }));
    const { user } = renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByTestId('form-error')).toHaveTextContent(
      'Email or password is incorrect',
    );
    expect(authStore.getState().status).not.toBe('authenticated');
  });

  it('tells a throttled user how long to wait', async () => {
    mockApi(() => ({
      status: 429,
      headers: { 'Retry-After': '60' },
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many login attempts; try again later',
      },
    }));
    const { user } = renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByTestId('form-error')).toHaveTextContent(
      'Too many login attempts; try again later. Wait 60 seconds before trying again.',
    );
  });

  it('signs in with the answer of a successful log-in', async () => {
    const session = { accessToken: 'abc', user: makeUser(), tenant: makeTenant() };
    let sent: unknown;
    const fetchMock = mockApi(({ body }) => {
      sent = body;
      return { body: session };
    });
    const { user } = renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('Email'), ' Ada@Example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await expect.poll(() => authStore.getState().status).toBe('authenticated');
    expect(authStore.getState()).toMatchObject({ accessToken: 'abc', user: session.user });
    expect(requestsOf(fetchMock)).toEqual(['POST /auth/login']);
    // The shared DTO's transform normalises the email as the API would.
    expect(sent).toEqual({ email: 'ada@example.com', password: 'correct horse' });
  });
});
