/**
 * The field definitions every operation's input and output is built from, so each surface
 * names, bounds and explains an id, a date, a page or an amount the same way. Names are
 * snake_case as the wire spells them; descriptions may name other operations (`list_clients`),
 * which each surface writes in its own words. Bounds the domain also checks come from its schemas.
 */
import { z } from "zod";
import { EARLIEST_DATE, IsoDate, LATEST_DATE } from "@/lib/domain/dates";
import { DurationSeconds, Email, HourlyRate, Name } from "@/lib/domain/schemas";

/** An id and the operation it comes from, e.g. `id("a client", "list_clients")`. */
export const id = (what: string, source: string) => z.string().min(1).max(64).describe(`Id of ${what} (from ${source})`);

export const idList = (what: string, source: string, max: number) =>
  z.array(z.string().min(1).max(64)).max(max).describe(`Ids of ${what} (from ${source}), at most ${max}`);

/** A calendar date in the workspace's time zone, within the domain's supported calendar (IsoDate: the same bounds and words). */
export const date = (what: string) => IsoDate.describe(`${what}: YYYY-MM-DD, a calendar date in the workspace's time zone, ${EARLIEST_DATE} to ${LATEST_DATE}`);

export const limit = z.int().min(1).max(200).default(50).describe("Page size, 1–200 (default 50)");

export const cursor = z.string().min(1).max(200).describe("Leave out for the first page; then pass the previous page's next_cursor");

/** A page of `item` under `key`, newest first; `next_cursor` is null on the last page. */
export const page = <K extends string, T extends z.ZodType>(key: K, item: T) =>
  z.object({ [key]: z.array(item), next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page") } as {
    [P in K]: z.ZodArray<T>;
  } & { next_cursor: z.ZodNullable<z.ZodString> });

export const hourlyRate = HourlyRate.describe("Minor units (cents) per hour, e.g. 12000 = 120.00/h in the workspace currency");

export const name = Name;

export const email = Email;

export const text = (max: number) => z.string().max(max);

export const durationSeconds = DurationSeconds;

/** "HH:MM", 24-hour clock. */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time written HH:MM")
  .describe("Start time HH:MM (24-hour) in the workspace's time zone; goes with date");

export const startedAt = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset, such as 2026-11-23T09:00:00Z" })
  .describe("When the work started: ISO 8601 with an offset, e.g. 2026-11-23T09:30:00+01:00. Alternative to date + start_time");

export const taskStatus = z.enum(["open", "in_progress", "done"]);

export const estimateSeconds = z.int().min(60).max(36_000_000);

export const invoiceStatus = z.enum(["draft", "sent", "paid", "void"]);
