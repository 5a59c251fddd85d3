import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { CreateCustomerDto, type CustomerView } from '@navaia/shared';
import { useMemo, useRef } from 'react';
import { Controller } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { dtoResolver } from '../../../lib/dto-resolver';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import { useUpdateCustomer } from '../api/update-customer';
import {
  EMPTY_CUSTOMER,
  normaliseTags,
  toCreateBody,
  toCustomerDto,
  toFormValues,
  toUpdateBody,
  type CustomerFormValues,
} from './customer-form-values';

// Both forms need a phone; whether it may change is the same rule as creating it.
const resolver = dtoResolver<CustomerFormValues>(CreateCustomerDto, toCustomerDto);

export interface CustomerFormProps {
  /** Edits this customer; without it the form creates one. */
  customer?: CustomerView;
  onSaved: (customer: CustomerView) => void;
  onCancel: () => void;
}

/** Creates or edits a customer; the API's objections (invalid or duplicate phone…) show inline. */
export function CustomerForm({ customer, onSaved, onCancel }: CustomerFormProps) {
  const { tenant } = useAuthenticatedSession();
  const createCustomer = useCreateCustomer();
  const updateCustomer = useUpdateCustomer();
  const before = useRef(customer ? toFormValues(customer) : EMPTY_CUSTOMER);
  const zones = useMemo(() => timeZoneOptions(customer?.timezone), [customer?.timezone]);

  const {
    control,
    register,
    submit,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<CustomerFormValues>({
    resolver,
    defaultValues: before.current,
    onSubmit: async (values, { idempotencyKey }) => {
      let saved: CustomerView;
      if (customer) {
        const body = toUpdateBody(values, before.current);
        saved =
          Object.keys(body).length === 0
            ? customer
            : await updateCustomer.mutateAsync({ id: customer.id, body });
        notifySuccess(`${saved.displayName} was saved`);
      } else {
        saved = await createCustomer.mutateAsync({ body: toCreateBody(values), idempotencyKey });
        notifySuccess(`${saved.displayName} was added`);
      }
      onSaved(saved);
    },
  });

  return (
    <form onSubmit={submit} noValidate aria-label={customer ? 'Edit customer' : 'Add customer'}>
      <Stack gap="sm">
        <FormAlert message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="First name"
            autoComplete="off"
            data-autofocus
            error={errors.firstName?.message}
            {...register('firstName')}
          />
          <TextInput
            label="Last name"
            autoComplete="off"
            error={errors.lastName?.message}
            {...register('lastName')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Phone"
            type="tel"
            required
            autoComplete="off"
            description={`Numbers without a country code are read as ${tenant.defaultCountry} numbers`}
            error={errors.phone?.message}
            {...register('phone')}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="timezone"
          render={({ field, fieldState }) => (
            <Select
              label="Time zone"
              description={`Calling windows use it; empty means the organisation's (${tenant.timezone})`}
              placeholder={tenant.timezone}
              searchable
              clearable
              nothingFoundMessage="No such time zone"
              data={zones}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(value) => field.onChange(value)}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <TagsInput
              label="Tags"
              description="Press Enter after each tag; used to filter lists and pick campaign recipients"
              clearable
              maxTags={20}
              name={field.name}
              ref={field.ref}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(tags) => field.onChange(normaliseTags(tags))}
              error={fieldState.error?.message}
            />
          )}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={8}
          error={errors.notes?.message}
          {...register('notes')}
        />
        <Controller
          control={control}
          name="doNotCall"
          render={({ field, fieldState }) => (
            <Switch
              label="Do not call"
              description="The voice agent never calls this customer and campaigns skip them"
              name={field.name}
              ref={field.ref}
              checked={field.value}
              onBlur={field.onBlur}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              error={fieldState.error?.message}
            />
          )}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {customer ? 'Save customer' : 'Add customer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
