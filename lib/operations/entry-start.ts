/**
 * A time entry's start as the model gives it: an ISO 8601 instant (`started_at`), or a
 * calendar date and a clock time in the workspace's time zone (`date` + `start_time`),
 * which need the zone from the domain to become an instant. A create may give the date alone:
 * the entry then starts where that member's day left off (suggest-next-start.ts).
 */
import type { Actor } from "@/lib/domain/actor";
import { localDateTime } from "@/lib/domain/dates";
import { invalidInput } from "@/lib/domain/errors";
import { suggestNextStart } from "@/lib/domain/time-entries/suggest-next-start";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";

export interface EntryStartArgs {
  started_at?: string;
  date?: string;
  start_time?: string;
}

/**
 * The start to hand to the domain, or undefined when none was given (updates). `suggestFor`
 * (creates only): whose day a date without a start time continues — the member tracked for.
 */
export async function entryStart(actor: Actor, args: EntryStartArgs, suggestFor?: { membershipId?: string }): Promise<string | Date | undefined> {
  const local = args.date !== undefined || args.start_time !== undefined;
  if (args.started_at !== undefined && local) {
    throw invalidInput("Give the start either as started_at or as date + start_time, not both.", { started_at: "cannot be combined with date/start_time" });
  }
  if (args.started_at !== undefined) return args.started_at;
  if (!local) return undefined;
  if (suggestFor && args.date !== undefined && args.start_time === undefined) {
    return (await suggestNextStart(actor, { date: args.date, membershipId: suggestFor.membershipId })).startedAt;
  }
  if (args.date === undefined || args.start_time === undefined) {
    throw invalidInput("date and start_time go together: give both (e.g. date 2026-11-23 and start_time 09:30), or started_at instead.", {
      [args.date === undefined ? "date" : "start_time"]: "is required with the other",
    });
  }
  const { timeZone } = await getWorkspace(actor);
  return localDateTime(args.date, args.start_time, timeZone);
}
