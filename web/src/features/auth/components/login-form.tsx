import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LoginDto } from '@navaia/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { dtoResolver } from '../../../lib/dto-resolver';
import { applyApiError } from '../../../lib/form-errors';
import { useLogin, type LoginBody } from '../api/login';

const FIELDS = ['email', 'password'];
const resolver = dtoResolver<LoginBody>(LoginDto);

export function LoginForm() {
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginBody>({ resolver, defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await login.mutateAsync(values);
    } catch (error) {
      setFormError(applyApiError(error, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log in">
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
