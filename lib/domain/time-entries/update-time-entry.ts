import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { conflict, parseInput } from "@/lib/domain/errors";
import { DurationSeconds, EntryDescription, Id, Instant, OptionalId } from "@/lib/domain/schemas";
import { checkEntryReferences, resolveEntryRate } from "./entry-references";
import { findEntryForChange, INVOICED_MEANWHILE } from "./find-entry-for-change";
import { assertSensibleStart } from "./started-at";
import { timeEntryInclude, toTimeEntryView, type TimeEntryView } from "./time-entry-view";

export const UpdateTimeEntryInput = z.object({
  id: Id,
  projectId: Id.optional(),
  taskId: OptionalId.optional(),
  startedAt: Instant.optional(),
  durationSeconds: DurationSeconds.optional(),
  description: EntryDescription.optional(),
  billable: z.boolean().optional(),
  /** Replaces the entry's tags when given. */
  tagIds: z.array(Id).max(20, "at most 20 tags").optional(),
});
export type UpdateTimeEntryInput = z.input<typeof UpdateTimeEntryInput>;

/**
 * Changes an entry that is not yet invoiced. Moving it to another project re-resolves
 * its hourly rate; other edits keep the rate it was recorded at. An entry a draft invoice
 * claims while this runs is refused (a conflict), never changed under the invoice.
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
    // Conditional on still being unbilled: a draft that claimed the entry since it was read
    // above has it locked, and once it commits this matches nothing.
    const { count } = await tx.timeEntry.updateMany({
      where: { id: entry.id, invoiceLineId: null },
      data: {
        projectId,
        taskId,
        startedAt: data.startedAt,
        durationSeconds: data.durationSeconds,
        description: data.description,
        billable: data.billable,
        hourlyRate,
      },
    });
    if (count !== 1) throw conflict(INVOICED_MEANWHILE);
    if (data.tagIds) {
      await tx.timeEntryTag.deleteMany({ where: { timeEntryId: entry.id } });
      await tx.timeEntryTag.createMany({ data: tagIds.map((tagId) => ({ timeEntryId: entry.id, tagId })) });
    }
    return tx.timeEntry.findUniqueOrThrow({ where: { id: entry.id }, include: timeEntryInclude });
  });
  return toTimeEntryView(row);
}
