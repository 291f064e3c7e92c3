import { db } from "@/lib/db";
import { assertCan, can, type Actor } from "@/lib/domain/actor";
import { notFound } from "@/lib/domain/errors";
import { timeEntryInclude, toTimeEntryView, type TimeEntryView } from "./time-entry-view";

export async function getTimeEntry(actor: Actor, id: string): Promise<TimeEntryView> {
  assertCan(actor, "time:read_own", "view time entries");
  const row = await db.timeEntry.findFirst({
    where: {
      id,
      workspaceId: actor.workspaceId,
      ...(can(actor, "time:read_all") ? {} : { membershipId: actor.membershipId }),
    },
    include: timeEntryInclude,
  });
  if (!row) throw notFound("Time entry");
  return toTimeEntryView(row);
}
