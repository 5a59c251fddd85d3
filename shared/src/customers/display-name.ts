import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface NamedContact {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
}

export const UNKNOWN_CALLER = 'Unknown caller';

/** An E.164 number as people read it internationally (+1 415 555 0123); other input as is. */
export function formatPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}

/**
 * The one name shown for a customer everywhere: their name, else their phone number,
 * else their email, else "Unknown caller". Never an id.
 */
export function displayName(contact: NamedContact): string {
  const name = [contact.firstName, contact.lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  if (name) return name;
  if (contact.phone?.trim()) return formatPhone(contact.phone.trim());
  if (contact.email?.trim()) return contact.email.trim();
  return UNKNOWN_CALLER;
}
