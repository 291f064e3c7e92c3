/** Field schemas shared by domain inputs, so every entry point validates the same way. */
import { z } from "zod";

/**
 * Text that prints as typed: no control characters (a NUL, an escape, a tab) and no
 * text-direction overrides or isolates (U+202A–U+202E, U+2066–U+2069), which print invisibly
 * or reorder what follows on an invoice or a page. Line breaks only where `multiline` allows.
 */
export function isPrintable(text: string, multiline = false): boolean {
  return (multiline ? /^(?:[^\p{Cc}\u202A-\u202E\u2066-\u2069]|\n)*$/u : /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u).test(text);
}
export const NOT_PRINTABLE = "may not contain control or text-direction characters";
/** `isPrintable` as a zod refinement. */
export const printable = (multiline = false) => [(text: string) => isPrintable(text, multiline), NOT_PRINTABLE] as const;

export const Id = z.string().trim().min(1, "is required").max(64, "is not a valid id");
export const OptionalId = Id.nullish().transform((v) => v ?? null);

export const Name = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters").refine(...printable());

export const Email = z.email("must be an email address").max(254);

/** Empty strings from forms mean "not given". */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine(...printable(true))
    .nullish()
    .transform((v) => (v ? v : null));

/** Minor units per hour; capped at 100,000.00 per hour to catch unit mistakes. */
export const HourlyRate = z.int("must be a whole number of cents").min(0, "cannot be negative").max(10_000_000, "is too high");

/** Why an entry description was refused: it names what may not be in it. */
export const DESCRIPTION_NOT_PRINTABLE = "may not contain control characters (only tabs and line breaks are allowed) or text-direction overrides (U+202A–U+202E, U+2066–U+2069)";

/**
 * What a time entry (and the running timer that becomes one) was for: up to 1000 characters,
 * trimmed, line endings made "\n". Tabs and line breaks are kept (pasted from a spreadsheet or a
 * note); any other control character (a NUL, an escape) and the text-direction overrides and
 * isolates are refused, as they print invisibly or reorder text in a report, an invoice or a CSV.
 * One schema for the entry's and the timer's description, so a timer never holds text its entry would refuse.
 */
export const EntryDescription = z
  .string()
  .trim()
  .max(1000, "must be at most 1000 characters")
  .transform((v) => v.replace(/\r\n?/g, "\n"))
  .refine((v) => isPrintable(v.replace(/\t/g, " "), true), DESCRIPTION_NOT_PRINTABLE);

/** Positive amount in minor units. */
export const Amount = z.int("must be a whole number of cents").min(1, "must be more than zero").max(100_000_000_00, "is too high");

export const MAX_ENTRY_SECONDS = 24 * 3600;
export const DurationSeconds = z
  .int("must be a whole number of seconds")
  .min(60, "must be at least one minute")
  .max(MAX_ENTRY_SECONDS, "cannot be longer than 24 hours");

/** An instant: a Date, or an ISO 8601 date-time with an offset ("2026-11-23T09:00:00Z"). */
export const Instant = z.union([
  z.date(),
  z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time such as 2026-11-23T09:00:00Z" })
    .transform((s) => new Date(s)),
]);

export const PageSize = z.int().min(1).max(200).default(50);

/**
 * Free text of up to `maxLines` lines (an address, payment instructions): line endings become
 * "\n", trailing spaces and blank lines at either end go; "" when empty.
 */
export const MultilineText = (max: number, maxLines: number) =>
  z
    .string()
    .transform((v) =>
      v
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n")
        .replace(/^\n+|\n+$/g, "")
        .trimStart(),
    )
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((v) => v.split("\n").length <= maxLines, `must be at most ${maxLines} lines`)
        .refine(...printable(true)),
    );

/** One line of text (no line breaks), trimmed; "" when empty. */
export const SingleLineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\r\n]*$/, "must be a single line")
    .refine(...printable());

/** A VAT number, GST/ABN, EIN…: printed as given, so only the characters such IDs use. */
export const TaxId = z
  .string()
  .trim()
  .max(40, "must be at most 40 characters")
  .regex(/^[\p{L}\p{N} .\-/]*$/u, "may only use letters, digits, spaces and - . /");
