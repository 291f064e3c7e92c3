/**
 * Argument schemas shared by the tools, so every tool names, bounds and explains an id, a
 * date or a page the same way. Names are snake_case; the tools map them to the domain's
 * camelCase inputs.
 */
import { z } from "zod";

/** An id and the tool it comes from, e.g. `idArg("a client", "list_clients")`. */
export const idArg = (what: string, source: string) => z.string().min(1).max(64).describe(`Id of ${what} (from ${source})`);

export const idListArg = (what: string, source: string, max: number) =>
  z.array(z.string().min(1).max(64)).max(max).describe(`Ids of ${what} (from ${source}), at most ${max}`);

/** A calendar date in the workspace's time zone. */
export const dateArg = (what: string) => z.iso.date().describe(`${what}: YYYY-MM-DD, a calendar date in the workspace's time zone`);

export const limitArg = z.int().min(1).max(200).default(50).describe("Page size, 1–200 (default 50)");

export const cursorArg = z.string().min(1).max(200).describe("Leave out for the first page; then pass the previous page's next_cursor");

export const hourlyRateArg = z.int().min(0).max(10_000_000).describe("Minor units (cents) per hour, e.g. 12000 = 120.00/h in the workspace currency");

export const nameArg = z.string().min(1).max(120);

/** "HH:MM", 24-hour clock. */
export const clockTimeArg = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time written HH:MM")
  .describe("Start time HH:MM (24-hour) in the workspace's time zone; goes with date");

export const startedAtArg = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset, such as 2026-11-23T09:00:00Z" })
  .describe("When the work started: ISO 8601 with an offset, e.g. 2026-11-23T09:30:00+01:00. Alternative to date + start_time");

export const TaskStatusArg = z.enum(["open", "in_progress", "done"]);
