const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has: 2 for USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      // Not a currency this browser knows: cents are the common case.
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** An amount in major units (12.5 dollars) as the integer the API stores (1250 cents). */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitDigits(currency));
}

export function fromMinorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorUnitDigits(currency);
}

/** An amount in minor units in the viewer's locale: `$1,250.00`, `1.250,00 €`. */
export function formatMoney(amountMinor: number, currency: string): string {
  const amount = fromMinorUnits(amountMinor, currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(minorUnitDigits(currency))} ${currency}`;
  }
}

let currencies: string[] | undefined;

/** ISO 4217 codes the browser knows, for a currency picker; `current` is kept if unknown. */
export function currencyOptions(current?: string): string[] {
  currencies ??= Intl.supportedValuesOf('currency');
  return current && !currencies.includes(current) ? [current, ...currencies] : currencies;
}
