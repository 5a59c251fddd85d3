import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { CreateTicketDto, TicketPriority, type TicketView } from '@navaia/shared';
import { Controller } from 'react-hook-form';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateTicket, type CreateTicketBody } from '../api/create-ticket';
import { AssigneeSelect } from './assignee-select';
import { TICKET_PRIORITY_OPTIONS } from './ticket-labels';

export interface NewTicketValues {
  customerId: string | null;
  subject: string;
  description: string;
  priority: TicketPriority;
  assigneeId: string | null;
}

const toDto = (values: NewTicketValues) => ({
  customerId: values.customerId ?? '',
  subject: values.subject,
  description: values.description.trim() ? values.description : undefined,
  priority: values.priority,
  assigneeId: values.assigneeId ?? undefined,
});

const resolver = dtoResolver<NewTicketValues>(CreateTicketDto, toDto);

export function toCreateTicketBody(values: NewTicketValues): CreateTicketBody {
  const body: CreateTicketBody = {
    customerId: values.customerId ?? '',
    subject: values.subject.trim(),
    priority: values.priority,
  };
  if (values.description.trim()) body.description = values.description.trim();
  if (values.assigneeId) body.assigneeId = values.assigneeId;
  return body;
}

export interface NewTicketFormProps {
  /** The customer picker (the customers feature's, passed in by the route). */
  CustomerSelect: EntitySelect;
  /** Opened from a customer's page: the ticket is theirs, and the picker is locked. */
  customer?: EntityOption;
  onCreated: (ticket: TicketView) => void;
  onCancel: () => void;
}

export function NewTicketForm({
  CustomerSelect,
  customer,
  onCreated,
  onCancel,
}: NewTicketFormProps) {
  const createTicket = useCreateTicket();
  const {
    control,
    register,
    submit,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<NewTicketValues>({
    resolver,
    defaultValues: {
      customerId: customer?.id ?? null,
      subject: '',
      description: '',
      priority: TicketPriority.Normal,
      assigneeId: null,
    },
    onSubmit: async (values, { idempotencyKey }) => {
      const ticket = await createTicket.mutateAsync({
        body: toCreateTicketBody(values),
        idempotencyKey,
      });
      notifySuccess(`Ticket #${ticket.number} was created`);
      onCreated(ticket);
    },
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New ticket">
      <Stack gap="sm">
        <FormAlert message={formError} />
        <Controller
          control={control}
          name="customerId"
          render={({ field, fieldState }) => (
            <CustomerSelect
              label="Customer"
              required
              disabled={Boolean(customer)}
              selected={customer}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label="Subject"
          required
          data-autofocus
          error={errors.subject?.message}
          {...register('subject')}
        />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxRows={10}
          error={errors.description?.message}
          {...register('description')}
        />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="priority"
            render={({ field, fieldState }) => (
              <Select
                label="Priority"
                data={TICKET_PRIORITY_OPTIONS}
                allowDeselect={false}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(value) => field.onChange(value ?? TicketPriority.Normal)}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="assigneeId"
            render={({ field, fieldState }) => (
              <AssigneeSelect
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        </Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Create ticket
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
