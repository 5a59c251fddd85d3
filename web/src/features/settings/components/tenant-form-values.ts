import type { TenantView } from '@navaia/shared';
import type { UpdateTenantBody } from '../api/update-tenant';

/** What the organisation form edits; inputs hold strings, so empty means "not set". */
export interface TenantFormValues {
  name: string;
  timezone: string;
  defaultCountry: string;
  callingWindow: { start: string; end: string; days: number[] };
  limits: {
    callsPerSecond: number | '';
    maxConcurrentCalls: number | '';
    dailyCallCap: number | '';
  };
  voice: { agents: { support: string; sales: string }; phoneNumberId: string };
  telephony: { fromNumber: string };
}

export function toFormValues(tenant: TenantView): TenantFormValues {
  return {
    name: tenant.name,
    timezone: tenant.timezone,
    defaultCountry: tenant.defaultCountry,
    callingWindow: {
      start: tenant.callingWindow.start,
      end: tenant.callingWindow.end,
      days: [...tenant.callingWindow.days].sort((a, b) => a - b),
    },
    limits: { ...tenant.limits },
    voice: {
      agents: {
        support: tenant.voice?.agents?.support ?? '',
        sales: tenant.voice?.agents?.sales ?? '',
      },
      phoneNumberId: tenant.voice?.phoneNumberId ?? '',
    },
    telephony: { fromNumber: tenant.telephony?.fromNumber ?? '' },
  };
}

const blankToUndefined = (value: string) => value.trim() || undefined;

/** The form's values in the DTO's shape, for validation: empty optional text is absent. */
export function toTenantDto(values: TenantFormValues) {
  return {
    name: values.name,
    timezone: values.timezone,
    defaultCountry: values.defaultCountry,
    callingWindow: values.callingWindow,
    limits: values.limits,
    voice: {
      agents: {
        support: blankToUndefined(values.voice.agents.support),
        sales: blankToUndefined(values.voice.agents.sales),
      },
      phoneNumberId: blankToUndefined(values.voice.phoneNumberId),
    },
    telephony: { fromNumber: blankToUndefined(values.telephony.fromNumber) },
  };
}

const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** Emptied text clears a stored value (null); text that was and stays empty is left out. */
function optionalText(value: string, before: string): string | null | undefined {
  return value.trim() || (before.trim() ? null : undefined);
}

/**
 * The PATCH body: only the groups that changed, each group whole, because a calling window is
 * only valid complete and partial nested objects would leave merge rules to guesswork.
 */
export function toTenantPatch(
  values: TenantFormValues,
  before: TenantFormValues,
): UpdateTenantBody {
  const body: UpdateTenantBody = {};
  if (values.name !== before.name) body.name = values.name.trim();
  if (values.timezone !== before.timezone) body.timezone = values.timezone;
  if (values.defaultCountry !== before.defaultCountry) body.defaultCountry = values.defaultCountry;
  if (changed(values.callingWindow, before.callingWindow)) {
    body.callingWindow = {
      start: values.callingWindow.start,
      end: values.callingWindow.end,
      days: [...values.callingWindow.days].sort((a, b) => a - b),
    };
  }
  if (changed(values.limits, before.limits)) {
    // Validation has run, so these are integers by now.
    body.limits = {
      callsPerSecond: Number(values.limits.callsPerSecond),
      maxConcurrentCalls: Number(values.limits.maxConcurrentCalls),
      dailyCallCap: Number(values.limits.dailyCallCap),
    };
  }
  if (changed(values.voice, before.voice)) {
    body.voice = {
      agents: {
        support: optionalText(values.voice.agents.support, before.voice.agents.support),
        sales: optionalText(values.voice.agents.sales, before.voice.agents.sales),
      },
      phoneNumberId: optionalText(values.voice.phoneNumberId, before.voice.phoneNumberId),
    };
  }
  if (changed(values.telephony, before.telephony)) {
    body.telephony = {
      fromNumber: optionalText(values.telephony.fromNumber, before.telephony.fromNumber),
    };
  }
  return body;
}
