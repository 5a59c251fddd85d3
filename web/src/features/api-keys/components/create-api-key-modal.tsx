import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { CreateApiKeyDto, type CreatedApiKey } from '@navaia/shared';
import { Controller } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateApiKey, type CreateApiKeyBody } from '../api/create-api-key';
import { NO_ACCESS, toScopes, type AccessByResource } from './scope-labels';
import { ScopePicker } from './scope-picker';

interface CreateKeyForm {
  name: string;
  fullAccess: boolean;
  access: AccessByResource;
  /** Days until the key expires; empty for never. */
  expiresIn: string;
}

const EXPIRY_OPTIONS = [
  { value: '', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

const EMPTY: CreateKeyForm = { name: '', fullAccess: false, access: NO_ACCESS, expiresIn: '' };
// The API's field names, where the form holds them under others.
const ALIASES = { scopes: 'access', expiresAt: 'expiresIn' };

function toBody(values: CreateKeyForm): CreateApiKeyBody {
  const days = Number(values.expiresIn);
  return {
    name: values.name.trim(),
    scopes: toScopes(values.fullAccess, values.access),
    ...(days ? { expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() } : {}),
  };
}

const resolver = dtoResolver<CreateKeyForm>(CreateApiKeyDto, toBody, ALIASES);

export function CreateApiKeyModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const createKey = useCreateApiKey();
  const {
    control,
    register,
    submit,
    reset,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<CreateKeyForm>({
    resolver,
    defaultValues: EMPTY,
    fields: ['name', 'fullAccess', 'access', 'expiresIn'],
    fieldAliases: ALIASES,
    onSubmit: async (values) => {
      const created = await createKey.mutateAsync(toBody(values));
      close();
      onCreated(created);
    },
  });

  function close() {
    reset(EMPTY);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Create API key" centered size="lg">
      <form onSubmit={submit} noValidate aria-label="Create API key">
        <Stack gap="sm">
          <FormAlert message={formError} />
          <TextInput
            label="Name"
            description="Who or what uses it, e.g. “CRM sync”."
            data-autofocus
            error={errors.name?.message}
            {...register('name')}
          />
          <Controller
            control={control}
            name="fullAccess"
            render={({ field: fullAccess }) => (
              <Controller
                control={control}
                name="access"
                render={({ field: access, fieldState }) => (
                  <ScopePicker
                    fullAccess={fullAccess.value}
                    access={access.value}
                    error={fieldState.error?.message}
                    onFullAccessChange={fullAccess.onChange}
                    onAccessChange={access.onChange}
                  />
                )}
              />
            )}
          />
          <NativeSelect
            label="Expires"
            data={EXPIRY_OPTIONS}
            error={errors.expiresIn?.message}
            {...register('expiresIn')}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
