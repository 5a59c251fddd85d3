import { isCountryCode } from '@navaia/shared';

export interface Option {
  value: string;
  label: string;
}

let countries: Option[] | undefined;

/**
 * Every two-letter code the API accepts: the shared validator is the authority, so the list can
 * never offer a country the API would reject.
 */
export function countryOptions(): Option[] {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  countries = letters
    .flatMap((a) => letters.map((b) => a + b))
    .filter((code) => isCountryCode(code))
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return countries;
}

export const WEEKDAYS: Option[] = [
  { value: '1', label: 'Mon' },
  { value: '2', label: 'Tue' },
  { value: '3', label: 'Wed' },
  { value: '4', label: 'Thu' },
  { value: '5', label: 'Fri' },
  { value: '6', label: 'Sat' },
  { value: '7', label: 'Sun' },
];
