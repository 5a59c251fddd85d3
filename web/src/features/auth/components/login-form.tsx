import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LoginDto } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useLogin, type LoginBody } from '../api/login';

const resolver = dtoResolver<LoginBody>(LoginDto);

export function LoginForm() {
  const login = useLogin();
  const {
    register,
    submit,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<LoginBody>({
    resolver,
    defaultValues: { email: '', password: '' },
    onSubmit: (values) => login.mutateAsync(values),
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Log in">
      <Stack gap="sm">
        <FormAlert message={formError} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...register('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} fullWidth mt="xs">
          Log in
        </Button>
      </Stack>
    </form>
  );
}
