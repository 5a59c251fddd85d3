import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as typed (national or international) in E.164, read with the tenant's
 * default country; null when it is not a valid number.
 */
export function toE164(input: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
