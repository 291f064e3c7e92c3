import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { findBillableCandidates as findBillableCandidatesInDomain } from "@/lib/domain/invoices/find-billable-candidates";
import { formatMoney } from "@/lib/domain/money";
import { defineTool, READ_ONLY } from "../tool";
import { BillableCandidatesOut } from "@/lib/integrations/wire-schemas";
import { dateArg, idArg, idListArg } from "./args";

export const findBillableCandidates = defineTool({
  name: "find_billable_candidates",
  title: "Find unbilled billable time",
  description:
    "A client's billable time between two dates (YYYY-MM-DD, inclusive, workspace time zone) that is on no invoice yet, priced after the billing rules: per entry the tracked duration_seconds, the billable_seconds after rounding and minimums, the hourly_rate and the amount (minor units). Totals are what a draft grouped per project would bill. Nothing is changed; pass the same client and range (or chosen entry ids) to preview_invoice / create_invoice_draft.",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  input: z.object({
    client_id: idArg("a client", "list_clients"),
    from: dateArg("First day"),
    to: dateArg("Last day, inclusive"),
    project_ids: idListArg("projects", "list_projects", 50).optional().describe("Only time on these projects"),
    limit: z.number().int().min(1).max(500).default(100).describe("At most this many entries in the answer (default 100); the totals always cover all of them"),
  }),
  output: BillableCandidatesOut.extend({
    entry_count: z.number().int().describe("How many entries the totals cover"),
    entries_truncated: z.boolean().describe("true when entries lists only the first `limit` of them (oldest first)"),
  }),
  annotations: READ_ONLY,
  async run({ actor }, input) {
    const found = await findBillableCandidatesInDomain(actor, { clientId: input.client_id, from: input.from, to: input.to, projectIds: input.project_ids });
    // A month of a busy client is thousands of entries: more than a model can use, and slow to send.
    return { ...found, entries: found.entries.slice(0, input.limit), entryCount: found.entries.length, entriesTruncated: found.entries.length > input.limit };
  },
  render: (c) =>
    c.entry_count
      ? `${c.client.name}, ${c.from} to ${c.to}: ${c.entry_count} unbilled billable entr${c.entry_count === 1 ? "y" : "ies"}, ${formatDuration(c.billable_seconds)} billable, ${formatMoney(c.amount, c.currency)} before tax.`
      : `${c.client.name} has no unbilled billable time from ${c.from} to ${c.to}.`,
});
