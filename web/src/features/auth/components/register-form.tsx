import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { PASSWORD_MIN_LENGTH, RegisterDto } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useRegister, type RegisterBody } from '../api/register';

const resolver = dtoResolver<RegisterBody>(RegisterDto);

export function RegisterForm() {
  const registerAccount = useRegister();
  const {
    register,
    submit,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<RegisterBody>({
    resolver,
    defaultValues: { tenantName: '', name: '', email: '', password: '' },
    onSubmit: (values) => registerAccount.mutateAsync(values),
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Create account">
      <Stack gap="sm">
        <FormAlert message={formError} />
        <TextInput
          label="Organisation name"
          autoComplete="organization"
          error={errors.tenantName?.message}
          {...register('tenantName')}
        />
        <TextInput
          label="Your name"
          autoComplete="name"
          error={errors.name?.message}
          {...register('name')}
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...register('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="new-password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters; a passphrase works well.`}
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
          Create account
        </Button>
      </Stack>
    </form>
  );
}
