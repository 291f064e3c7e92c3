/**
 * Our wording for zod's issues, where a schema gives no message of its own: the fragments the
 * domain words its own refusals in ("is required", "must be at most 1000 characters", "must be
 * one of: open, done"), which a surface puts after a field name ("description: …") or a form
 * after a label ("Description must be …"). zod's defaults ("Too big: expected string to have
 * <=1000 characters", "Invalid input: expected boolean, received string") speak of types and
 * operators, and must not reach people. Every place input is parsed for someone passes this as
 * the parse's error map: lib/domain/errors.ts (`parseInput`, and so every web form),
 * lib/api/read-api-input.ts (REST) and lib/mcp/call-tool.ts (MCP). A schema's own message
 * still wins (zod: schema message, then the parse's map).
 */
import type { z } from "zod";

type Issue = z.core.$ZodRawIssue;

/** The parse option that applies our wording: `schema.safeParse(input, WORDED)`. */
export const WORDED = { error: wordIssue } as const satisfies z.core.ParseContext<z.core.$ZodIssue>;

/** One issue as a fragment about its field. */
export function wordIssue(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined && (issue.path?.length ?? 0) > 0 ? "is required" : mustBeType(issue.expected, isWholeNumber(issue));
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${show(issue.values[0])}` : `must be one of: ${issue.values.map(show).join(", ")}`;
    case "too_big":
      return tooBig(issue.origin, issue.maximum, issue.inclusive ?? true, issue.exact ?? false);
    case "too_small":
      return tooSmall(issue.origin, issue.minimum, issue.inclusive ?? true, issue.exact ?? false);
    case "invalid_format":
      return badFormat(issue);
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    case "invalid_key":
      return "has a key that is not allowed";
    case "invalid_element":
      return "has an entry that is not allowed";
    case "invalid_union":
      return "is not in an accepted form";
    default:
      return "is not valid";
  }
}

/** z.int() and its kin: a number schema whose format is an integer one (safeint, int32…). */
function isWholeNumber(issue: Issue): boolean {
  const zod = issue.schema?._zod as { bag?: { format?: unknown }; def?: { format?: unknown } } | undefined;
  const format = zod?.bag?.format ?? zod?.def?.format;
  return typeof format === "string" && /int/.test(format);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "must be text",
  number: "must be a number",
  int: "must be a whole number",
  bigint: "must be a whole number",
  boolean: "must be true or false",
  array: "must be a list",
  tuple: "must be a list",
  set: "must be a list",
  object: "must be an object",
  record: "must be an object",
  map: "must be an object",
  date: "must be a date",
  null: "must be null",
  undefined: "must be left out",
  never: "is not allowed",
  file: "must be a file",
};

function mustBeType(expected: string, wholeNumber: boolean): string {
  if (expected === "number" && wholeNumber) return TYPE_WORDS.int!;
  return TYPE_WORDS[expected] ?? "is not valid";
}

const UNITS: Readonly<Record<string, [one: string, many: string]>> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  map: ["entry", "entries"],
  file: ["byte", "bytes"],
};

function amount(origin: string, bound: number | bigint | Date): string {
  if (bound instanceof Date) return bound.toISOString();
  const units = UNITS[origin];
  if (!units) return String(bound);
  return `${String(bound)} ${bound === 1 || bound === 1n ? units[0] : units[1]}`;
}

function tooBig(origin: string, maximum: number | bigint | Date | unknown, inclusive: boolean, exact: boolean): string {
  const bound = maximum as number | bigint | Date;
  if (exact) return UNITS[origin] ? `must have exactly ${amount(origin, bound)}` : `must be ${amount(origin, bound)}`;
  if (origin === "date") return inclusive ? `must be no later than ${amount(origin, bound)}` : `must be before ${amount(origin, bound)}`;
  if (UNITS[origin]) return origin === "string" ? `must be at most ${amount(origin, bound)}` : `must have at most ${amount(origin, bound)}`;
  return inclusive ? `must be at most ${amount(origin, bound)}` : `must be less than ${amount(origin, bound)}`;
}

function tooSmall(origin: string, minimum: number | bigint | Date | unknown, inclusive: boolean, exact: boolean): string {
  const bound = minimum as number | bigint | Date;
  if (exact) return UNITS[origin] ? `must have exactly ${amount(origin, bound)}` : `must be ${amount(origin, bound)}`;
  if (origin === "date") return inclusive ? `must be no earlier than ${amount(origin, bound)}` : `must be after ${amount(origin, bound)}`;
  // An empty text or list is a missing value to the person giving it.
  if (origin === "string" && bound === 1) return "is required";
  if (UNITS[origin]) {
    if (bound === 1) return `must have at least one ${UNITS[origin]![0]}`;
    return origin === "string" ? `must be at least ${amount(origin, bound)}` : `must have at least ${amount(origin, bound)}`;
  }
  return inclusive ? `must be at least ${amount(origin, bound)}` : `must be more than ${amount(origin, bound)}`;
}

const FORMATS: Readonly<Record<string, string>> = {
  email: "must be an email address",
  url: "must be a URL such as https://example.com",
  uuid: "must be a UUID",
  datetime: "must be an ISO 8601 date-time such as 2026-11-23T09:00:00Z",
  date: "must be a date written YYYY-MM-DD",
  time: "must be a time written HH:MM",
  duration: "must be an ISO 8601 duration such as PT1H30M",
  ipv4: "must be an IPv4 address",
  ipv6: "must be an IPv6 address",
  base64: "must be base64",
  base64url: "must be base64url",
  jwt: "must be a JWT",
};

function badFormat(issue: Issue & { code: "invalid_format" }): string {
  const detail = issue as { prefix?: string; suffix?: string; includes?: string };
  switch (issue.format) {
    case "starts_with":
      return `must start with ${show(detail.prefix)}`;
    case "ends_with":
      return `must end with ${show(detail.suffix)}`;
    case "includes":
      return `must contain ${show(detail.includes)}`;
    case "regex":
      return "is not in the expected form";
    default:
      return FORMATS[issue.format] ?? `must be a valid ${issue.format}`;
  }
}

function show(value: unknown): string {
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? String(value);
}
