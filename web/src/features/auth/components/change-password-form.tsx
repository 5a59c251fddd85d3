import { Button, PasswordInput, Stack } from '@mantine/core';
import { ChangePasswordDto, PASSWORD_MIN_LENGTH } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const resolver = dtoResolver<ChangePasswordValues>(
  ChangePasswordDto,
  ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
);

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const changePassword = useChangePassword();
  const {
    register,
    submit,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<ChangePasswordValues>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    onSubmit: async ({ currentPassword, newPassword, confirmPassword }, { setError }) => {
      if (newPassword !== confirmPassword) {
        setError('confirmPassword', { message: 'The passwords do not match' });
        return;
      }
      await changePassword.mutateAsync({ currentPassword, newPassword });
      onChanged();
    },
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Change password">
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
