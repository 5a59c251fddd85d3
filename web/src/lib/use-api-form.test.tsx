import { Button, TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FormAlert } from '../components/ui/form-alert';
import { renderWithProviders } from '../testing/test-utils';
import { ApiError } from './api-client';
import { useApiForm, type ApiFormSubmitHelpers } from './use-api-form';

interface Values {
  name: string;
  amount: string;
}

type Submit = (values: Values, helpers: ApiFormSubmitHelpers<Values>) => unknown;

function TestForm({ onSubmit }: { onSubmit: Submit }) {
  const {
    register,
    submit,
    formError,
    formState: { errors },
  } = useApiForm<Values>({
    defaultValues: { name: '', amount: '' },
    fieldAliases: { amountCents: 'amount' },
    onSubmit,
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Test">
      <FormAlert message={formError} />
      <TextInput label="Name" error={errors.name?.message} {...register('name')} />
      <TextInput label="Amount" error={errors.amount?.message} {...register('amount')} />
      <Button type="submit">Save</Button>
    </form>
  );
}

const unavailable = () =>
  new ApiError({ status: 503, error: 'Service Unavailable', message: 'Try again shortly' });
const conflict = () => new ApiError({ status: 409, error: 'Conflict', message: 'Taken' });

describe('useApiForm', () => {
  it('sends a double-clicked form once', async () => {
    let finish!: () => void;
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user } = renderWithProviders(<TestForm onSubmit={onSubmit} />);

    await user.dblClick(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    finish();

    await expect.poll(() => onSubmit.mock.calls.length).toBe(1);
  });

  it('gives every submission a fresh idempotency key once the API has answered', async () => {
    const onSubmit = vi.fn<Submit>().mockRejectedValueOnce(conflict()).mockResolvedValue(undefined);
    const { user } = renderWithProviders(<TestForm onSubmit={onSubmit} />);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Taken');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await expect.poll(() => onSubmit.mock.calls.length).toBe(3);
    const keys = onSubmit.mock.calls.map(([, helpers]) => helpers.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
  });

  it('retries with the same key when the outcome is unknown and nothing changed, a new one when it did', async () => {
    const onSubmit = vi
      .fn<Submit>()
      .mockRejectedValueOnce(unavailable())
      .mockRejectedValueOnce(unavailable())
      .mockResolvedValue(undefined);
    const { user } = renderWithProviders(<TestForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Try again shortly');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => onSubmit.mock.calls.length).toBe(2);
    await user.type(screen.getByLabelText('Name'), 'X');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await expect.poll(() => onSubmit.mock.calls.length).toBe(3);
    const [first, second, third] = onSubmit.mock.calls.map(([, h]) => h.idempotencyKey);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it("puts the API's field details on the form's fields, renamed where the form names them differently", async () => {
    const onSubmit = vi.fn<Submit>().mockRejectedValue(
      new ApiError({
        status: 400,
        error: 'Bad Request',
        message: 'Some fields are invalid',
        details: [
          { field: 'name', message: 'name is taken' },
          { field: 'amountCents', message: 'amountCents must be positive' },
        ],
      }),
    );
    const { user } = renderWithProviders(<TestForm onSubmit={onSubmit} />);

    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('name is taken')).toBeVisible();
    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription(
      'amountCents must be positive',
    );
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });
});
