import { Button, PasswordInput, Stack } from '@mantine/core';
import { ChangePasswordDto, PASSWORD_MIN_LENGTH } from '@navaia/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { dtoResolver } from '../../../lib/dto-resolver';
import { applyApiError } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];
const resolver = dtoResolver<ChangePasswordValues>(
  ChangePasswordDto,
  ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
);

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordValues>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword, confirmPassword }) => {
    setFormError(null);
    if (newPassword !== confirmPassword) {
      setError('confirmPassword', { message: 'The passwords do not match' });
      return;
    }
    try {
      await changePassword.mutateAsync({ currentPassword, newPassword });
      onChanged();
    } catch (error) {
      setFormError(applyApiError(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change password">
      <Stack gap="sm">
        <FormAlert message={formError} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; a passphrase works well.`}
          error={errors.newPassword?.message}
          {...register('newPassword')}
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...register('confirmPassword')}
        />
        <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
          Change password
        </Button>
      </Stack>
    </form>
  );
}
