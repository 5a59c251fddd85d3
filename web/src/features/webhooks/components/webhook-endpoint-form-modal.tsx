import { Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  CreateWebhookEndpointDto,
  WEBHOOK_EVENT_TYPES,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
} from '@navaia/shared';
import { useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateWebhookEndpoint, useUpdateWebhookEndpoint } from '../api/save-webhook-endpoint';
import { EVENT_TYPE_HELP } from './event-type-labels';

interface FormValues {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

const toDto = (values: FormValues) => ({
  url: values.url,
  description: values.description.trim() || undefined,
  eventTypes: values.eventTypes,
});
const resolver = dtoResolver<FormValues>(CreateWebhookEndpointDto, toDto);
const EMPTY: FormValues = { url: '', description: '', eventTypes: [] };

const valuesOf = (endpoint: WebhookEndpointView | null): FormValues =>
  endpoint
    ? {
        url: endpoint.url ?? '',
        description: endpoint.description ?? '',
        eventTypes: endpoint.eventTypes,
      }
    : EMPTY;

/** Adds an endpoint (`endpoint` null) or edits one; a new endpoint's secret goes to `onCreated`. */
export function WebhookEndpointFormModal({
  opened,
  endpoint,
  onClose,
  onCreated,
}: {
  opened: boolean;
  endpoint: WebhookEndpointView | null;
  onClose: () => void;
  onCreated: (created: WebhookEndpointWithSecret) => void;
}) {
  const create = useCreateWebhookEndpoint();
  const update = useUpdateWebhookEndpoint();
  const {
    control,
    register,
    submit,
    reset,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<FormValues>({
    resolver,
    defaultValues: EMPTY,
    onSubmit: async (values) => {
      const body = toDto(values);
      if (endpoint) {
        await update.mutateAsync({
          id: endpoint.id,
          body: { ...body, description: body.description ?? null },
        });
        notifySuccess('The endpoint was saved');
        onClose();
      } else {
        onCreated(await create.mutateAsync(body));
      }
    },
  });

  useEffect(() => {
    if (opened) reset(valuesOf(endpoint));
  }, [opened, endpoint, reset]);

  const title = endpoint ? 'Edit endpoint' : 'Add endpoint';
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <FormAlert message={formError} />
          <TextInput
            label="URL"
            description="Where Navaia posts events, e.g. https://example.com/webhooks/navaia"
            data-autofocus
            error={errors.url?.message}
            {...register('url')}
          />
          <Textarea
            label="Description"
            autosize
            minRows={1}
            error={errors.description?.message}
            {...register('description')}
          />
          <Controller
            control={control}
            name="eventTypes"
            render={({ field, fieldState }) => (
              <Checkbox.Group
                label="Events"
                value={field.value}
                onChange={(value) => field.onChange(value as WebhookEventType[])}
                error={fieldState.error?.message}
              >
                <Stack gap={6} mt={6}>
                  {WEBHOOK_EVENT_TYPES.map((type) => (
                    <Checkbox
                      key={type}
                      value={type}
                      label={
                        <Text size="sm" span>
                          <code>{type}</code>{' '}
                          <Text c="dimmed" size="xs" span>
                            {EVENT_TYPE_HELP[type]}
                          </Text>
                        </Text>
                      }
                      aria-label={type}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {endpoint ? 'Save' : 'Add endpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
