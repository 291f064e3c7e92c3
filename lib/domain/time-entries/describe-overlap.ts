/**
 * How an overlapped entry is named, in local times: the web form's overlap warning and the
 * timesheet's overlap refusal say it alike. Pure (no database), so client components may import it.
 */
import { formatIsoDate, localDateOf, localTimeOf } from "@/lib/domain/dates";
import type { OverlappingEntry } from "./find-overlapping-entries";

/** One line per overlapped entry: "Website redesign · Design, Mon 2 Mar 09:00–10:25 “Hero image”". */
export function describeOverlap(entry: OverlappingEntry, timeZone: string): string {
  const what = entry.task ? `${entry.project.name} · ${entry.task.name}` : entry.project.name;
  const day = formatIsoDate(localDateOf(entry.startedAt, timeZone));
  const note = entry.description ? ` “${entry.description}”` : "";
  return `${what}, ${day} ${localTimeOf(entry.startedAt, timeZone)}–${localTimeOf(entry.endedAt, timeZone)}${note}`;
}
