import type { CustomerView } from '@navaia/shared';
import type { CreateCustomerBody } from '../api/create-customer';
import type { UpdateCustomerBody } from '../api/update-customer';

/** What the customer form edits; text inputs hold strings, so empty means "not set". */
export interface CustomerFormValues {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  timezone: string | null;
  tags: string[];
  notes: string;
  doNotCall: boolean;
}

export const EMPTY_CUSTOMER: CustomerFormValues = {
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  timezone: null,
  tags: [],
  notes: '',
  doNotCall: false,
};

export function toFormValues(customer: CustomerView): CustomerFormValues {
  return {
    firstName: customer.firstName ?? '',
    lastName: customer.lastName ?? '',
    phone: customer.phone,
    email: customer.email ?? '',
    timezone: customer.timezone,
    tags: [...customer.tags],
    notes: customer.notes ?? '',
    doNotCall: customer.doNotCall,
  };
}

const blank = (value: string) => value.trim() === '';

/** Tags as the API stores them: trimmed, lower-case, each once. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

/** The form's values in the DTO's shape, for validation: empty optional text is absent. */
export function toCustomerDto(values: CustomerFormValues) {
  return {
    firstName: blank(values.firstName) ? undefined : values.firstName,
    lastName: blank(values.lastName) ? undefined : values.lastName,
    phone: values.phone,
    email: blank(values.email) ? undefined : values.email,
    timezone: values.timezone || undefined,
    tags: values.tags,
    notes: blank(values.notes) ? undefined : values.notes,
    doNotCall: values.doNotCall,
  };
}

/** The POST body: what was filled in, trimmed. */
export function toCreateBody(values: CustomerFormValues): CreateCustomerBody {
  const body: CreateCustomerBody = { phone: values.phone.trim() };
  if (!blank(values.firstName)) body.firstName = values.firstName.trim();
  if (!blank(values.lastName)) body.lastName = values.lastName.trim();
  if (!blank(values.email)) body.email = values.email.trim();
  if (values.timezone) body.timezone = values.timezone;
  if (values.tags.length) body.tags = normaliseTags(values.tags);
  if (!blank(values.notes)) body.notes = values.notes.trim();
  if (values.doNotCall) body.doNotCall = true;
  return body;
}

type TextField = 'firstName' | 'lastName' | 'email' | 'notes';

/** The PATCH body: only what changed; emptied optional fields are cleared with null. */
export function toUpdateBody(
  values: CustomerFormValues,
  before: CustomerFormValues,
): UpdateCustomerBody {
  const body: UpdateCustomerBody = {};
  for (const field of ['firstName', 'lastName', 'email', 'notes'] as TextField[]) {
    const value = values[field].trim();
    if (value !== before[field].trim()) body[field] = value || null;
  }
  if (values.phone.trim() !== before.phone.trim()) body.phone = values.phone.trim();
  if (values.timezone !== before.timezone) body.timezone = values.timezone || null;
  const tags = normaliseTags(values.tags);
  if (JSON.stringify(tags) !== JSON.stringify(normaliseTags(before.tags))) body.tags = tags;
  if (values.doNotCall !== before.doNotCall) body.doNotCall = values.doNotCall;
  return body;
}
