import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { UpdateTenantDto, type TenantView } from '@navaia/shared';
import { useMemo, useRef } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { dtoResolver } from '../../../lib/dto-resolver';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useApiForm } from '../../../lib/use-api-form';
import { useUpdateTenant } from '../api/update-tenant';
import {
  toFormValues,
  toTenantDto,
  toTenantPatch,
  type TenantFormValues,
} from './tenant-form-values';
import { countryOptions, WEEKDAYS } from './zone-and-country-options';

const resolver = dtoResolver<TenantFormValues>(UpdateTenantDto, toTenantDto);

type LimitField = `limits.${keyof TenantFormValues['limits']}`;

function LimitInput({
  control,
  name,
  label,
  description,
  min,
  max,
}: {
  control: Control<TenantFormValues>;
  name: LimitField;
  label: string;
  description: string;
  min: number;
  max: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
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
  );
}

export function TenantSettingsForm({ tenant, canEdit }: { tenant: TenantView; canEdit: boolean }) {
  const updateTenant = useUpdateTenant();
  const saved = useRef(toFormValues(tenant));
  const zones = useMemo(() => timeZoneOptions(tenant.timezone), [tenant.timezone]);
  const countries = useMemo(() => countryOptions(), []);

  const {
    control,
    register,
    submit,
    reset,
    formError,
    formState: { errors, isDirty, isSubmitting },
  } = useApiForm<TenantFormValues>({
    resolver,
    defaultValues: saved.current,
    onSubmit: async (values) => {
      const body = toTenantPatch(values, saved.current);
      if (Object.keys(body).length === 0) return;
      const updated = await updateTenant.mutateAsync(body);
      saved.current = toFormValues(updated);
      reset(saved.current);
      notifySuccess('Organisation settings saved');
    },
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Organisation settings">
      <Stack gap="md" maw={760}>
        {!canEdit && (
          <Alert icon={<IconLock size={18} />} color="gray" data-testid="read-only-notice">
            Only admins and owners can change organisation settings.
          </Alert>
        )}
        <FormAlert message={formError} />

        {/* A disabled fieldset disables every control inside it, so nothing is editable. */}
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            <Fieldset legend="General">
              <Stack gap="sm">
                <TextInput
                  label="Organisation name"
                  error={errors.name?.message}
                  {...register('name')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Controller
                    control={control}
                    name="timezone"
                    render={({ field, fieldState }) => (
                      <Select
                        label="Time zone"
                        searchable
                        allowDeselect={false}
                        nothingFoundMessage="No such time zone"
                        data={zones}
                        name={field.name}
                        ref={field.ref}
                        value={field.value}
                        onBlur={field.onBlur}
                        onChange={(value) => field.onChange(value ?? '')}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name="defaultCountry"
                    render={({ field, fieldState }) => (
                      <Select
                        label="Default country"
                        description="Used to read phone numbers typed without a country code"
                        searchable
                        allowDeselect={false}
                        nothingFoundMessage="No such country"
                        data={countries}
                        name={field.name}
                        ref={field.ref}
                        value={field.value}
                        onBlur={field.onBlur}
                        onChange={(value) => field.onChange(value ?? '')}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>

            <Fieldset legend="Calling window">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    type="time"
                    label="Start time"
                    description="In each recipient's local time"
                    error={errors.callingWindow?.start?.message}
                    {...register('callingWindow.start')}
                  />
                  <TextInput
                    type="time"
                    label="End time"
                    description="Calls stop before this time"
                    error={errors.callingWindow?.end?.message}
                    {...register('callingWindow.end')}
                  />
                </SimpleGrid>
                <Controller
                  control={control}
                  name="callingWindow.days"
                  render={({ field, fieldState }) => (
                    <Checkbox.Group
                      label="Days"
                      value={field.value.map(String)}
                      onChange={(days) => field.onChange(days.map(Number).sort((a, b) => a - b))}
                      error={fieldState.error?.message ?? errors.callingWindow?.message}
                    >
                      <Group gap="md" mt={6}>
                        {WEEKDAYS.map((day) => (
                          <Checkbox key={day.value} value={day.value} label={day.label} />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  )}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend="Limits">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <LimitInput
                  control={control}
                  name="limits.callsPerSecond"
                  label="Calls per second"
                  description="1–100"
                  min={1}
                  max={100}
                />
                <LimitInput
                  control={control}
                  name="limits.maxConcurrentCalls"
                  label="Max concurrent calls"
                  description="1–500"
                  min={1}
                  max={500}
                />
                <LimitInput
                  control={control}
                  name="limits.dailyCallCap"
                  label="Daily call cap"
                  description="0–1,000,000 calls a day"
                  min={0}
                  max={1_000_000}
                />
              </SimpleGrid>
            </Fieldset>

            <Fieldset legend="Voice agents (ElevenLabs)">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label="Support agent ID"
                  error={errors.voice?.agents?.support?.message}
                  {...register('voice.agents.support')}
                />
                <TextInput
                  label="Sales agent ID"
                  error={errors.voice?.agents?.sales?.message}
                  {...register('voice.agents.sales')}
                />
                <TextInput
                  label="Phone number ID"
                  description="ElevenLabs phoneNumberId for outbound calls"
                  error={errors.voice?.phoneNumberId?.message}
                  {...register('voice.phoneNumberId')}
                />
              </SimpleGrid>
            </Fieldset>

            <Fieldset legend="Telephony">
              <TextInput
                label="From number"
                description="Caller ID for outbound calls, in E.164 format"
                placeholder="+14155550123"
                maw={320}
                error={errors.telephony?.fromNumber?.message}
                {...register('telephony.fromNumber')}
              />
            </Fieldset>
          </Stack>
        </fieldset>

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
    </form>
  );
}
