import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { DurationSeconds, EntryDescription, Id, Instant, OptionalId } from "@/lib/domain/schemas";
import { checkEntryReferences, resolveEntryRate } from "./entry-references";
import { timeEntryInclude, toTimeEntryView, type TimeEntryView } from "./time-entry-view";
import { assertSensibleStart } from "./started-at";

export const CreateTimeEntryInput = z.object({
  projectId: Id,
  taskId: OptionalId,
  startedAt: Instant,
  durationSeconds: DurationSeconds,
  description: EntryDescription.default(""),
  /** Defaults to the task's billable flag, or the project's "billable by default". */
  billable: z.boolean().optional(),
  tagIds: z.array(Id).max(20, "at most 20 tags").default([]),
  /** Track for another member (owners and admins); defaults to the actor. */
  membershipId: OptionalId,
});
export type CreateTimeEntryInput = z.input<typeof CreateTimeEntryInput>;

/** Tracks time. `tx`: a transaction to write in (a keyed call's), else one of its own. */
export async function createTimeEntry(actor: Actor, input: CreateTimeEntryInput, tx?: DbTx): Promise<TimeEntryView> {
  assertCan(actor, "time:write_own", "track time");
  const data = parseInput(CreateTimeEntryInput, input);
  assertSensibleStart(data.startedAt);
  const membershipId = data.membershipId ?? actor.membershipId;

  const row = await inTransaction(tx, async (tx) => {
    const { project, task, tagIds } = await checkEntryReferences(tx, actor, { ...data, membershipId });
    return tx.timeEntry.create({
      data: {
        workspaceId: actor.workspaceId,
        membershipId,
        projectId: project.id,
        taskId: task?.id ?? null,
        startedAt: data.startedAt,
        durationSeconds: data.durationSeconds,
        description: data.description,
        billable: data.billable ?? (task ? task.billable : project.billableByDefault),
        hourlyRate: await resolveEntryRate(tx, actor, project, membershipId),
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      include: timeEntryInclude,
    });
  });
  return toTimeEntryView(row);
}
