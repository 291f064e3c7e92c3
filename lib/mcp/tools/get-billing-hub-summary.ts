import { z } from "zod";
import { formatMoney } from "@/lib/domain/money";
import { getBillingHubSummary as getBillingHubSummaryInDomain } from "@/lib/domain/reports/get-billing-hub-summary";
import { defineTool, READ_ONLY } from "../tool";
import { BillingHubSummaryOut } from "@/lib/integrations/wire-schemas";

export const getBillingHubSummary = defineTool({
  name: "get_billing_hub_summary",
  title: "Billing overview",
  description:
    "The workspace's money at a glance: unbilled billable work (total and per client, priced after rules), drafts, outstanding (sent, unpaid balance), overdue invoices, and payments received this month. Amounts are minor units (cents) of the workspace currency. To invoice a client's unbilled work, use find_billable_candidates then create_invoice_draft.",
  scope: "billing:read",
  permission: "billing:read",
  access: "read",
  input: z.object({}),
  output: BillingHubSummaryOut,
  annotations: READ_ONLY,
  run: ({ actor }) => getBillingHubSummaryInDomain(actor),
  render: (s) => {
    const money = (amount: number) => formatMoney(amount, s.currency);
    return [
      `Unbilled: ${money(s.unbilled.amount)}${s.unbilled_by_client.length ? ` (${s.unbilled_by_client.map((c) => `${c.client.name} ${money(c.amount)}`).join(", ")})` : ""}`,
      `Drafts: ${s.drafts.count}, ${money(s.drafts.amount)}`,
      `Outstanding: ${s.outstanding.count}, ${money(s.outstanding.amount)}`,
      `Overdue: ${s.overdue.count}, ${money(s.overdue.amount)}${s.overdue.invoices.length ? ` (${s.overdue.invoices.map((i) => i.label).join(", ")})` : ""}`,
      `Paid this month: ${s.paid_this_month.count}, ${money(s.paid_this_month.amount)}`,
    ].join("\n");
  },
});
