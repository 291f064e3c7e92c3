import { describe, expect, it } from "vitest";
import { amountForSeconds, formatMoney, parseMoney } from "./money";

describe("parseMoney", () => {
  it.each([
    ["1250", 125_000],
    ["1,250.50", 125_050],
    ["€ 99.99", 9_999],
    ["0.5", 50],
    ["0", 0],
    [" 12.30 ", 1_230],
    // A currency code is dropped whole, not just its first letter.
    ["CHF 12.50", 1_250],
    ["US$1,000", 100_000],
  ])("%j → %i", (text, minor) => expect(parseMoney(text)).toBe(minor));

  // Letters inside or after the number are typos, not separators: "1O0" must not become 10.
  it.each(["", "abc", "-5", "1.234", "1..2", "12,34.5.6", "1O0", "12abc", "99.99 EUR"])("refuses %j", (text) => expect(parseMoney(text)).toBeNull());
});

describe("formatMoney", () => {
  it.each([
    [125_000, "EUR", "€1,250.00"],
    [5, "USD", "US$0.05"],
    [99_999, "GBP", "£999.99"],
  ])("%i %s → %s", (minor, currency, text) => expect(formatMoney(minor, currency)).toBe(text));
});

describe("amountForSeconds", () => {
  it.each([
    [3600, 12_000, 12_000],
    [900, 12_000, 3_000],
    [60, 10_000, 167],
    [1, 1, 0],
    [1800, 1, 1],
  ])("%is at %i/h → %i", (seconds, rate, amount) => expect(amountForSeconds(seconds, rate)).toBe(amount));
});
