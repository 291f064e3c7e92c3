/**
 * Turning billable entries into invoice lines. Entries are grouped per project (or per
 * project and task), and split further by hourly rate so every line reads
 * "quantity × rate = amount". A line's amount is computed from its total quantity, the
 * same way for a preview, a draft and a stored invoice, so the numbers never drift.
 */
import { amountForSeconds, formatMoney } from "@/lib/domain/money";

export type LineGrouping = "project" | "task";
export const LINE_GROUPINGS: readonly LineGrouping[] = ["project", "task"];

export interface BillableEntry {
  id: string;
  projectId: string;
  projectName: string;
  taskId: string | null;
  taskName: string | null;
  billableSeconds: number;
  hourlyRate: number;
}

export interface DraftLine {
  position: number;
  description: string;
  projectId: string;
  taskId: string | null;
  quantitySeconds: number;
  unitRate: number;
  amount: number;
  entryIds: string[];
}

export function groupIntoLines(entries: readonly BillableEntry[], grouping: LineGrouping, currency: string): DraftLine[] {
  const groups = new Map<string, { first: BillableEntry; seconds: number; entryIds: string[] }>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.projectId, grouping === "task" ? entry.taskId : null, entry.hourlyRate]);
    const group = groups.get(key);
    if (group) {
      group.seconds += entry.billableSeconds;
      group.entryIds.push(entry.id);
    } else {
      groups.set(key, { first: entry, seconds: entry.billableSeconds, entryIds: [entry.id] });
    }
  }

  const describe = (entry: BillableEntry) =>
    grouping === "task" ? `${entry.projectName} — ${entry.taskName ?? "General"}` : entry.projectName;
  const ratesPerLabel = new Map<string, Set<number>>();
  for (const { first } of groups.values()) {
    const label = describe(first);
    ratesPerLabel.set(label, (ratesPerLabel.get(label) ?? new Set()).add(first.hourlyRate));
  }

  return [...groups.values()]
    .sort(
      (a, b) =>
        describe(a.first).localeCompare(describe(b.first)) || b.first.hourlyRate - a.first.hourlyRate,
    )
    .map(({ first, seconds, entryIds }, index) => {
      const label = describe(first);
      // Two rates under one label (e.g. a member-specific rate): say which is which.
      const description =
        // Stryker disable next-line OptionalChaining: every label was added to ratesPerLabel above
        (ratesPerLabel.get(label)?.size ?? 0) > 1 ? `${label} (at ${formatMoney(first.hourlyRate, currency)}/h)` : label;
      return {
        position: index + 1,
        description,
        projectId: first.projectId,
        taskId: grouping === "task" ? first.taskId : null,
        quantitySeconds: seconds,
        unitRate: first.hourlyRate,
        amount: amountForSeconds(seconds, first.hourlyRate),
        entryIds,
      };
    });
}

/** A line with no quantity and no rate is a fixed amount (a credit note's partial credit): it prints its amount only. */
export function isFixedAmountLine(line: { quantitySeconds: number; unitRate: number }): boolean {
  return line.quantitySeconds === 0 && line.unitRate === 0;
}

/** "INV-0042". */
export function invoiceLabel(prefix: string, number: number): string {
  return `${prefix}${String(number).padStart(4, "0")}`;
}

/** An invoice's or a credit note's label: each kind has its own prefix and sequence ("INV-0042", "CN-0003"). */
export function documentLabel(
  workspace: { invoicePrefix: string; creditNotePrefix: string },
  document: { kind: "invoice" | "credit_note"; number: number },
): string {
  return invoiceLabel(document.kind === "credit_note" ? workspace.creditNotePrefix : workspace.invoicePrefix, document.number);
}
