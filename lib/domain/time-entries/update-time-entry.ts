import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { DurationSeconds, Id, Instant, OptionalId } from "@/lib/domain/schemas";
import { checkEntryReferences, resolveEntryRate } from "./entry-references";
import { findEntryForChange } from "./find-entry-for-change";
import { assertSensibleStart } from "./started-at";
import { timeEntryInclude, toTimeEntryView, type TimeEntryView } from "./time-entry-view";

export const UpdateTimeEntryInput = z.object({
  id: Id,
  projectId: Id.optional(),
  taskId: OptionalId.optional(),
  startedAt: Instant.optional(),
  durationSeconds: DurationSeconds.optional(),
  description: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
  billable: z.boolean().optional(),
  /** Replaces the entry's tags when given. */
  tagIds: z.array(Id).max(20, "at most 20 tags").optional(),
});
export type UpdateTimeEntryInput = z.input<typeof UpdateTimeEntryInput>;

/**
 * Changes an entry that is not yet invoiced. Moving it to another project re-resolves
 * its hourly rate; other edits keep the rate it was recorded at.
 */
export async function updateTimeEntry(actor: Actor, input: UpdateTimeEntryInput): Promise<TimeEntryView> {
  assertCan(actor, "time:write_own", "edit time entries");
  const data = parseInput(UpdateTimeEntryInput, input);
  if (data.startedAt) assertSensibleStart(data.startedAt);

  const row = await db.$transaction(async (tx) => {
    const entry = await findEntryForChange(tx, actor, data.id, "edit");
    const projectId = data.projectId ?? entry.projectId;
    // Moving to another project drops a task that belonged to the old one, unless a new one is given.
    const taskId = data.taskId !== undefined ? data.taskId : projectId === entry.projectId ? entry.taskId : null;
    const { project, tagIds } = await checkEntryReferences(tx, actor, {
      projectId,
      taskId,
      membershipId: entry.membershipId,
      tagIds: data.tagIds ?? [],
    });
    const hourlyRate =
      projectId === entry.projectId ? entry.hourlyRate : await resolveEntryRate(tx, actor, project, entry.membershipId);
    return tx.timeEntry.update({
      where: { id: entry.id },
      data: {
        projectId,
        taskId,
        startedAt: data.startedAt,
        durationSeconds: data.durationSeconds,
        description: data.description,
        billable: data.billable,
        hourlyRate,
        ...(data.tagIds ? { tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) } } : {}),
      },
      include: timeEntryInclude,
    });
  });
  return toTimeEntryView(row);
}
