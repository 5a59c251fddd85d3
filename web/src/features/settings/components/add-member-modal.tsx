import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { CreateUserDto, PASSWORD_MIN_LENGTH, Role } from '@navaia/shared';
import { Controller } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateUser, type CreateUserBody } from '../api/create-user';
import { ROLE_HELP, ROLE_OPTIONS } from './role-options';

const resolver = dtoResolver<CreateUserBody>(CreateUserDto);
const EMPTY: CreateUserBody = { name: '', email: '', role: Role.Agent, password: '' };

export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const createUser = useCreateUser();
  const {
    control,
    register,
    submit,
    reset,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<CreateUserBody>({
    resolver,
    defaultValues: EMPTY,
    onSubmit: async (values) => {
      const user = await createUser.mutateAsync(values);
      notifySuccess(`${user.name} was added to the team`);
      close();
    },
  });

  function close() {
    reset(EMPTY);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Add member" centered>
      <form onSubmit={submit} noValidate aria-label="Add member">
        <Stack gap="sm">
          <FormAlert message={formError} />
          <TextInput
            label="Name"
            data-autofocus
            error={errors.name?.message}
            {...register('name')}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
          <Controller
            control={control}
            name="role"
            render={({ field, fieldState }) => (
              <Select
                label="Role"
                description={ROLE_HELP}
                data={ROLE_OPTIONS}
                allowDeselect={false}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldState.error?.message}
              />
            )}
          />
          <PasswordInput
            label="Initial password"
            autoComplete="new-password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with them privately: they must change it when they first log in.`}
            error={errors.password?.message}
            {...register('password')}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
