import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Time zones by country, the most populous first. Countries spanning several zones list the
 * ones a business's customers are likely in; the tenant's own zone wins when it is one of them.
 */
const ZONES: Record<string, readonly string[]> = {
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Los_Angeles',
    'America/Phoenix',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
  CA: [
    'America/Toronto',
    'America/Vancouver',
    'America/Edmonton',
    'America/Winnipeg',
    'America/Halifax',
    'America/St_Johns',
  ],
  MX: ['America/Mexico_City', 'America/Tijuana', 'America/Monterrey', 'America/Cancun'],
  BR: ['America/Sao_Paulo', 'America/Manaus', 'America/Fortaleza'],
  AU: [
    'Australia/Sydney',
    'Australia/Melbourne',
    'Australia/Brisbane',
    'Australia/Perth',
    'Australia/Adelaide',
  ],
  RU: ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok'],
  ID: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'],
  GB: ['Europe/London'],
  IE: ['Europe/Dublin'],
  PT: ['Europe/Lisbon'],
  ES: ['Europe/Madrid'],
  FR: ['Europe/Paris'],
  BE: ['Europe/Brussels'],
  NL: ['Europe/Amsterdam'],
  LU: ['Europe/Luxembourg'],
  DE: ['Europe/Berlin'],
  AT: ['Europe/Vienna'],
  CH: ['Europe/Zurich'],
  IT: ['Europe/Rome'],
  DK: ['Europe/Copenhagen'],
  NO: ['Europe/Oslo'],
  SE: ['Europe/Stockholm'],
  FI: ['Europe/Helsinki'],
  PL: ['Europe/Warsaw'],
  CZ: ['Europe/Prague'],
  SK: ['Europe/Bratislava'],
  HU: ['Europe/Budapest'],
  SI: ['Europe/Ljubljana'],
  HR: ['Europe/Zagreb'],
  RO: ['Europe/Bucharest'],
  BG: ['Europe/Sofia'],
  GR: ['Europe/Athens'],
  TR: ['Europe/Istanbul'],
  UA: ['Europe/Kyiv'],
  EE: ['Europe/Tallinn'],
  LV: ['Europe/Riga'],
  LT: ['Europe/Vilnius'],
  IS: ['Atlantic/Reykjavik'],
  CY: ['Asia/Nicosia'],
  IL: ['Asia/Jerusalem'],
  AE: ['Asia/Dubai'],
  SA: ['Asia/Riyadh'],
  QA: ['Asia/Qatar'],
  KW: ['Asia/Kuwait'],
  BH: ['Asia/Bahrain'],
  OM: ['Asia/Muscat'],
  JO: ['Asia/Amman'],
  LB: ['Asia/Beirut'],
  EG: ['Africa/Cairo'],
  MA: ['Africa/Casablanca'],
  TN: ['Africa/Tunis'],
  DZ: ['Africa/Algiers'],
  NG: ['Africa/Lagos'],
  KE: ['Africa/Nairobi'],
  ZA: ['Africa/Johannesburg'],
  GH: ['Africa/Accra'],
  IN: ['Asia/Kolkata'],
  PK: ['Asia/Karachi'],
  BD: ['Asia/Dhaka'],
  LK: ['Asia/Colombo'],
  NP: ['Asia/Kathmandu'],
  CN: ['Asia/Shanghai'],
  HK: ['Asia/Hong_Kong'],
  TW: ['Asia/Taipei'],
  JP: ['Asia/Tokyo'],
  KR: ['Asia/Seoul'],
  SG: ['Asia/Singapore'],
  MY: ['Asia/Kuala_Lumpur'],
  TH: ['Asia/Bangkok'],
  VN: ['Asia/Ho_Chi_Minh'],
  PH: ['Asia/Manila'],
  NZ: ['Pacific/Auckland'],
  AR: ['America/Argentina/Buenos_Aires'],
  CL: ['America/Santiago'],
  CO: ['America/Bogota'],
  PE: ['America/Lima'],
  VE: ['America/Caracas'],
  UY: ['America/Montevideo'],
};

/** The zone a phone number suggests, or null when its country is unknown here. */
export function zoneOfPhone(phone: string, tenantZone: string): string | null {
  const country = parsePhoneNumberFromString(phone)?.country;
  const zones = country ? ZONES[country] : undefined;
  if (!zones) return null;
  return zones.includes(tenantZone) ? tenantZone : zones[0];
}

/** A recipient's zone: the customer's own, else their phone's, else the tenant's. */
export function recipientZone(
  customer: { timezone: string | null; phone: string },
  tenantZone: string,
): string {
  return customer.timezone ?? zoneOfPhone(customer.phone, tenantZone) ?? tenantZone;
}
