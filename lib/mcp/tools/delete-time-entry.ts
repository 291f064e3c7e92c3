import { z } from "zod";
import { localDateOf, localTimeOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { checkTimeEntryDeletion, deleteTimeEntry as deleteTimeEntryInDomain } from "@/lib/domain/time-entries/delete-time-entry";
import { getTimeEntry } from "@/lib/domain/time-entries/get-time-entry";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { DeletedTimeEntryOut } from "@/lib/integrations/wire-schemas";
import { defineTool, DESTRUCTIVE } from "../tool";

export const deleteTimeEntry = defineTool({
  name: "delete_time_entry",
  title: "Delete a time entry",
  description:
    "Deletes a time entry that is not on an invoice. Administrative and consequential: needs the hourbook:admin scope, and the first call only returns a summary and a confirmation_token; confirm with the user, then call again with the token.",
  scope: "hourbook:admin",
  permission: "time:write_own",
  access: "admin",
  input: z.object({ time_entry_id: z.string().min(1).max(64).describe("Id of the entry (see list_time_entries)") }),
  output: z.object({ deleted: DeletedTimeEntryOut }),
  annotations: DESTRUCTIVE,
  async confirm({ actor }, input) {
    // The dry run refuses now what deleting would refuse (an invoiced entry, someone else's).
    await checkTimeEntryDeletion(actor, { id: input.time_entry_id });
    const [entry, { timeZone }] = await Promise.all([getTimeEntry(actor, input.time_entry_id), getWorkspace(actor)]);
    const when = `${localDateOf(entry.startedAt, timeZone)} at ${localTimeOf(entry.startedAt, timeZone)}`;
    return `Delete ${formatDuration(entry.durationSeconds)} on ${entry.project.name} by ${entry.member.name} (${when}${entry.description ? `, "${entry.description}"` : ""})`;
  },
  run: async ({ actor }, input) => ({ deleted: await deleteTimeEntryInDomain(actor, { id: input.time_entry_id }) }),
  render: ({ deleted }) => `Deleted the time entry ${deleted.id} (${formatDuration(deleted.duration_seconds)}).`,
});
