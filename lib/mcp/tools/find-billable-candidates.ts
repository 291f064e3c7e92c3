import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { findBillableCandidates as findBillableCandidatesInDomain } from "@/lib/domain/invoices/find-billable-candidates";
import { formatMoney } from "@/lib/domain/money";
import { defineTool, READ_ONLY } from "../tool";
import { BillableCandidatesOut } from "../wire-schemas";
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
  }),
  output: BillableCandidatesOut,
  annotations: READ_ONLY,
  run: ({ actor }, input) =>
    findBillableCandidatesInDomain(actor, { clientId: input.client_id, from: input.from, to: input.to, projectIds: input.project_ids }),
  render: (c) =>
    c.entries.length
      ? `${c.client.name}, ${c.from} to ${c.to}: ${c.entries.length} unbilled billable entr${c.entries.length === 1 ? "y" : "ies"}, ${formatDuration(c.billable_seconds)} billable, ${formatMoney(c.amount, c.currency)} before tax.`
      : `${c.client.name} has no unbilled billable time from ${c.from} to ${c.to}.`,
});
