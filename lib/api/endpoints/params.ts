/**
 * Field schemas the endpoints share, so every endpoint names, bounds and explains an id, a
 * date, a page or a money amount the same way. Query values arrive as strings (see
 * ../query.ts); bodies are JSON.
 */
import { z } from "zod";
import { QueryInt } from "../query";

/** An id in a JSON body, e.g. `bodyId("the project", "GET /api/v1/projects")`. */
export const bodyId = (what: string, source: string) => z.string().min(1).max(64).describe(`Id of ${what} (from ${source})`);

export const bodyIdList = (what: string, source: string, max: number) =>
  z.array(z.string().min(1).max(64)).max(max).describe(`Ids of ${what} (from ${source}), at most ${max}`);

/** An id as a query parameter. */
export const queryId = (what: string, source: string) => z.string().min(1).max(64).describe(`Only ${what} (id from ${source})`);

/** A repeatable query parameter (`?tag_id=a&tag_id=b`), read as a list. */
export const queryIdList = (description: string, max: number) =>
  z
    .union([z.string().min(1).max(64), z.array(z.string().min(1).max(64)).max(max)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .describe(`${description}; repeat the parameter for several, at most ${max}`);

/** A calendar date in the workspace's time zone. */
export const isoDate = (what: string) => z.iso.date({ error: "must be a date written YYYY-MM-DD" }).describe(`${what}: YYYY-MM-DD in the workspace's time zone`);

export const Cursor = z.string().min(1).max(200).describe("Leave out for the first page; then pass the previous page's next_cursor");

export const Limit = QueryInt(1, 200).describe("Page size, 1–200 (default 50)");

export const NextCursor = z.string().nullable().describe("Pass as cursor for the next page; null on the last page");

export const HourlyRate = z.int().min(0).max(10_000_000).describe("Minor units (cents) per hour: 12000 = 120.00/h in the workspace currency");

export const Name = z.string().min(1).max(120);

export const DurationSeconds = z.int().min(60).max(86_400);

export const StartedAt = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset, such as 2026-11-23T09:00:00Z" })
  .describe("When the work started: ISO 8601 with an offset, e.g. 2026-11-23T09:30:00+01:00");

export const TaskStatus = z.enum(["open", "in_progress", "done"]);

export const EstimateSeconds = z.int().min(60).max(36_000_000);
