import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { TicketPriority, UpdateTicketDto, type TicketView } from '@navaia/shared';
import { useEffect, useRef } from 'react';
import { Controller } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useUpdateTicket, type UpdateTicketBody } from '../api/update-ticket';
import { AssigneeSelect } from './assignee-select';
import { TICKET_PRIORITY_OPTIONS } from './ticket-labels';

export interface TicketEditValues {
  subject: string;
  description: string;
  priority: TicketPriority;
  assigneeId: string | null;
}

function toValues(ticket: TicketView): TicketEditValues {
  return {
    subject: ticket.subject,
    description: ticket.description ?? '',
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
  };
}

const resolver = dtoResolver<TicketEditValues>(UpdateTicketDto, (values) => ({
  subject: values.subject,
  description: values.description.trim() ? values.description : undefined,
  priority: values.priority,
  assigneeId: values.assigneeId ?? undefined,
}));

/** Only what changed; an emptied description is cleared, a cleared assignee unassigns. */
export function toTicketPatch(values: TicketEditValues, before: TicketEditValues) {
  const body: UpdateTicketBody = {};
  if (values.subject.trim() !== before.subject.trim()) body.subject = values.subject.trim();
  if (values.description.trim() !== before.description.trim()) {
    body.description = values.description.trim() || null;
  }
  if (values.priority !== before.priority) body.priority = values.priority;
  if (values.assigneeId !== before.assigneeId) body.assigneeId = values.assigneeId;
  return body;
}

export function TicketEditForm({ ticket, canEdit }: { ticket: TicketView; canEdit: boolean }) {
  const updateTicket = useUpdateTicket();
  const saved = useRef(toValues(ticket));
  const {
    control,
    register,
    submit,
    reset,
    formError,
    formState: { errors, isDirty, isSubmitting },
  } = useApiForm<TicketEditValues>({
    resolver,
    defaultValues: saved.current,
    onSubmit: async (values) => {
      const body = toTicketPatch(values, saved.current);
      if (Object.keys(body).length === 0) return;
      const updated = await updateTicket.mutateAsync({ id: ticket.id, body });
      saved.current = toValues(updated);
      reset(saved.current);
      notifySuccess(`Ticket #${updated.number} was saved`);
    },
  });

  // Someone else (or a status change here) updated the ticket: follow it unless mid-edit.
  const latest = useRef(ticket);
  latest.current = ticket;
  const dirty = useRef(isDirty);
  dirty.current = isDirty;
  useEffect(() => {
    if (dirty.current) return;
    saved.current = toValues(latest.current);
    reset(saved.current);
  }, [ticket.updatedAt, reset]);

  return (
    <form onSubmit={submit} noValidate aria-label="Ticket details">
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <FormAlert message={formError} />
          <TextInput label="Subject" error={errors.subject?.message} {...register('subject')} />
          <Textarea
            label="Description"
            autosize
            minRows={4}
            maxRows={16}
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
                  disabled={!canEdit}
                  name={field.name}
                  ref={field.ref}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(value) => field.onChange(value ?? field.value)}
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
                  disabled={!canEdit}
                  error={fieldState.error?.message}
                />
              )}
            />
          </Group>
          {canEdit && (
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!isDirty || isSubmitting}
                onClick={() => reset(saved.current)}
              >
                Discard changes
              </Button>
              <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
