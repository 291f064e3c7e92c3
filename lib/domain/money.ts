/**
 * Money is an integer count of minor units (cents). Hourbook supports currencies with
 * two decimal places only, so "minor units" always means hundredths.
 */
export const SUPPORTED_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN"] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

const formatters = new Map<string, Intl.NumberFormat>();

/** `formatMoney(125000, "EUR")` → "€1,250.00". */
export function formatMoney(minorUnits: number, currency: string): string {
  let formatter = formatters.get(currency);
  // Stryker disable next-line ConditionalExpression: a cache; a fresh formatter formats the same
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2 });
    formatters.set(currency, formatter);
  }
  return formatter.format(minorUnits / 100);
}

/**
 * Parses a user-typed amount ("1250", "1,250.5", "€ 99.99") into minor units.
 * Returns null when the text is not a non-negative amount with at most two decimals.
 */
export function parseMoney(text: string): number | null {
  // Drops a leading currency sign or code (and any space before it), then digit separators.
  const cleaned = text.replace(/^[^\d.-]+/, "").replace(/[\s,']/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Amount for a duration at an hourly rate, rounded half up to the nearest minor unit. */
export function amountForSeconds(seconds: number, hourlyRate: number): number {
  return Math.round((seconds * hourlyRate) / 3600);
}
