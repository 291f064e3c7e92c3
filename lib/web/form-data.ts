/**
 * Reading HTML form fields into domain inputs. Forms send strings; the domain wants
 * numbers, booleans, seconds and minor units. A field that does not parse throws an
 * `invalid_input` naming it, so the form can show the message next to the field.
 */
import { IsoDate, OUTSIDE_CALENDAR } from "@/lib/domain/dates";
import { parseDuration } from "@/lib/domain/durations";
import { invalidInput } from "@/lib/domain/errors";
import { parseMoney } from "@/lib/domain/money";

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function optionalText(form: FormData, name: string): string | undefined {
  return text(form, name) || undefined;
}

/** Checkbox: present means true. */
export function checkbox(form: FormData, name: string): boolean {
  return form.get(name) !== null;
}

export function list(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * What a date field says about `value`, or null when it is a date of the supported calendar:
 * OUTSIDE_CALENDAR for a real date out of range (the range named), else an example to follow.
 */
export function dateFieldError(value: string): string | null {
  const parsed = IsoDate.safeParse(value);
  if (parsed.success) return null;
  return parsed.error.issues[0]?.message === OUTSIDE_CALENDAR ? OUTSIDE_CALENDAR : "enter a date such as 2026-11-23";
}

export function duration(form: FormData, name: string, label = "Duration"): number {
  const seconds = parseDuration(text(form, name));
  if (seconds === null) throw invalidInput(`${label}: write it like 1:30, 1.5 or 90m.`, { [name]: "write it like 1:30, 1.5 or 90m" });
  return seconds;
}

/** Money field in major units ("120.50") → minor units; empty gives null. */
export function optionalMoney(form: FormData, name: string, label: string): number | null {
  const raw = text(form, name);
  if (!raw) return null;
  const minor = parseMoney(raw);
  if (minor === null) throw invalidInput(`${label}: enter an amount like 120 or 120.50.`, { [name]: "enter an amount like 120 or 120.50" });
  return minor;
}

export function money(form: FormData, name: string, label: string): number {
  const minor = optionalMoney(form, name, label);
  if (minor === null) throw invalidInput(`${label} is required.`, { [name]: "is required" });
  return minor;
}

/** Percentage field ("20" or "7.5") → basis points. */
export function percentBasisPoints(form: FormData, name: string, label: string): number {
  const raw = text(form, name) || "0";
  const minor = parseMoney(raw);
  if (minor === null) throw invalidInput(`${label}: enter a percentage like 20 or 7.5.`, { [name]: "enter a percentage like 20 or 7.5" });
  return minor;
}

export function minutes(form: FormData, name: string, label: string): number {
  const raw = text(form, name);
  if (!/^\d{1,4}$/.test(raw)) throw invalidInput(`${label}: enter whole minutes.`, { [name]: "enter whole minutes" });
  return Number(raw) * 60;
}

/** A whole number field ("14"), e.g. days. */
export function wholeNumber(form: FormData, name: string, label: string): number {
  const raw = text(form, name);
  if (!/^\d{1,6}$/.test(raw)) throw invalidInput(`${label}: enter a whole number.`, { [name]: "must be a whole number" });
  return Number(raw);
}

/** An uploaded file's bytes; null when no file was chosen. */
export async function fileBytes(form: FormData, name: string): Promise<Uint8Array | null> {
  const value = form.get(name);
  if (!(value instanceof Blob) || (value.size === 0 && !(value instanceof File && value.name))) return null;
  return new Uint8Array(await value.arrayBuffer());
}
