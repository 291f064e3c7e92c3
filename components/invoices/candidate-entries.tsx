import { Table, Td } from "@/components/ui/table";
import { localDateOf, formatIsoDate } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import type { BillableCandidate } from "@/lib/domain/invoices/billable-candidates";
import { formatMoney } from "@/lib/domain/money";

/** The time entries a draft would bill, with what the billing rules made of each. */
export function CandidateEntries({ entries, currency, timeZone }: { entries: BillableCandidate[]; currency: string; timeZone: string }) {
  return (
    <Table
      caption="Time entries to bill"
      columns={["Date", "Work", "Member", { label: "Tracked", align: "right" }, { label: "Billed", align: "right" }, { label: "Rate", align: "right" }, { label: "Amount", align: "right" }]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <Td className="whitespace-nowrap">{formatIsoDate(localDateOf(entry.startedAt, timeZone), "EEE d MMM")}</Td>
          <Td>
            <span className="block font-medium text-slate-900">{entry.description || <span className="italic text-slate-500">No description</span>}</span>
            <span className="block text-xs text-slate-500">
              {entry.project.name}
              {entry.task ? ` · ${entry.task.name}` : ""}
            </span>
          </Td>
          <Td>{entry.member.name}</Td>
          <Td align="right">{formatDuration(entry.durationSeconds)}</Td>
          <Td align="right" className={entry.billableSeconds !== entry.durationSeconds ? "font-medium text-indigo-700" : undefined}>
            {formatDuration(entry.billableSeconds)}
            {entry.appliedRuleIds.length ? <span className="sr-only"> (adjusted by a billing rule)</span> : null}
          </Td>
          <Td align="right">{formatMoney(entry.hourlyRate, currency)}</Td>
          <Td align="right">{formatMoney(entry.amount, currency)}</Td>
        </tr>
      ))}
    </Table>
  );
}
