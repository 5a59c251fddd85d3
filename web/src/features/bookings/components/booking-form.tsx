import '@mantine/dates/styles.css';
import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { CreateBookingDto, UpdateBookingDto, type BookingView } from '@navaia/shared';
import { useMemo, useRef } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { dtoResolver } from '../../../lib/dto-resolver';
import { currencyOptions, minorUnitDigits } from '../../../lib/money';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateBooking } from '../api/create-booking';
import { useUpdateBooking } from '../api/update-booking';
import {
  BOOKING_FIELD_ALIASES,
  emptyBooking,
  toBookingDto,
  toCreateBookingBody,
  toFormValues,
  toUpdateBookingBody,
  type BookingFormValues,
} from './booking-form-values';

export interface BookingFormProps {
  /** The customer picker (the customers feature's, passed in by the route). */
  CustomerSelect: EntitySelect;
  /** Edits this booking; without it the form creates one. */
  booking?: BookingView;
  /** Opened from a customer's page: the booking is theirs, and the picker is locked. */
  customer?: EntityOption;
  /** A start time to begin with (a slot clicked in the calendar), in the tenant's zone. */
  startsAt?: string;
  onSaved: (booking: BookingView) => void;
  onCancel: () => void;
}

const PICKER_FORMAT = 'ddd D MMM YYYY, HH:mm';

/** Names for the picker's time fields and its confirm button, which Mantine leaves unnamed. */
const pickerLabels = (which: string) => ({
  timePickerProps: { hoursInputLabel: `${which}: hours`, minutesInputLabel: `${which}: minutes` },
  submitButtonProps: { 'aria-label': `Set ${which.toLowerCase()} time` },
});

export function BookingForm({
  CustomerSelect,
  booking,
  customer,
  startsAt,
  onSaved,
  onCancel,
}: BookingFormProps) {
  const { tenant } = useAuthenticatedSession();
  const zone = tenant.timezone;
  const createBooking = useCreateBooking();
  const updateBooking = useUpdateBooking();
  const before = useRef(
    booking
      ? toFormValues(booking, zone)
      : emptyBooking({ customerId: customer?.id ?? null, startsAt: startsAt ?? null }),
  );
  const resolver = useMemo(
    () =>
      booking
        ? dtoResolver<BookingFormValues>(
            UpdateBookingDto,
            // A booking's customer does not change, so the update DTO has no customerId.
            (values) => {
              const { customerId: _unchanged, ...dto } = toBookingDto(values, zone);
              return dto;
            },
            BOOKING_FIELD_ALIASES,
          )
        : dtoResolver<BookingFormValues>(
            CreateBookingDto,
            (values) => toBookingDto(values, zone),
            BOOKING_FIELD_ALIASES,
          ),
    [booking, zone],
  );

  const {
    control,
    register,
    submit,
    formError,
    formState: { errors, isSubmitting },
  } = useApiForm<BookingFormValues>({
    resolver,
    defaultValues: before.current,
    fieldAliases: BOOKING_FIELD_ALIASES,
    onSubmit: async (values, { idempotencyKey, setError }) => {
      if (values.startsAt && values.endsAt && values.endsAt <= values.startsAt) {
        setError('endsAt', { message: 'The end must be after the start' });
        return;
      }
      let saved: BookingView;
      if (booking) {
        const body = toUpdateBookingBody(values, before.current, zone);
        saved =
          Object.keys(body).length === 0
            ? booking
            : await updateBooking.mutateAsync({ id: booking.id, body });
        notifySuccess('The booking was saved');
      } else {
        saved = await createBooking.mutateAsync({
          body: toCreateBookingBody(values, zone),
          idempotencyKey,
        });
        notifySuccess('The booking was created');
      }
      onSaved(saved);
    },
  });

  const currency = useWatch({ control, name: 'currency' });
  const currencies = useMemo(() => currencyOptions(before.current.currency), []);
  const locked = booking
    ? { id: booking.customerId, label: booking.customer?.displayName ?? 'This customer' }
    : customer;

  return (
    <form onSubmit={submit} noValidate aria-label={booking ? 'Edit booking' : 'New booking'}>
      <Stack gap="sm">
        <FormAlert message={formError} />
        <Controller
          control={control}
          name="customerId"
          render={({ field, fieldState }) => (
            <CustomerSelect
              label="Customer"
              required
              disabled={Boolean(locked)}
              selected={locked}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label="Service"
          required
          placeholder="e.g. Check-up, 60 min"
          error={errors.service?.message}
          {...register('service')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="startsAt"
            render={({ field, fieldState }) => (
              <DateTimePicker
                label="Starts"
                required
                {...pickerLabels('Starts')}
                description={`${zone} time`}
                placeholder="Pick date and time"
                valueFormat={PICKER_FORMAT}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="endsAt"
            render={({ field, fieldState }) => (
              <DateTimePicker
                label="Ends"
                {...pickerLabels('Ends')}
                description={`${zone} time; optional`}
                placeholder="Pick date and time"
                valueFormat={PICKER_FORMAT}
                clearable
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="amount"
            render={({ field, fieldState }) => (
              <NumberInput
                label="Amount"
                description={`In ${currency || 'the currency'}; counts as revenue once confirmed`}
                min={0}
                allowNegative={false}
                decimalScale={minorUnitDigits(currency || 'USD')}
                thousandSeparator=","
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(value) =>
                  field.onChange(typeof value === 'number' || value === '' ? value : Number(value))
                }
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="currency"
            render={({ field, fieldState }) => (
              <Select
                label="Currency"
                searchable
                allowDeselect={false}
                data={currencies}
                name={field.name}
                ref={field.ref}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(value) => field.onChange(value ?? field.value)}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={8}
          error={errors.notes?.message}
          {...register('notes')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {booking ? 'Save booking' : 'Create booking'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
