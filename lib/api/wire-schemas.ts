/** Response schemas of the REST endpoints: the shared wire shapes, plus the settings only the API exposes. */
import { z } from "zod";

export {
  BillableCandidatesOut,
  DeletedTimeEntryOut,
  BillingHubSummaryOut,
  ClientOut,
  InvoiceDetailOut,
  InvoicePlanOut,
  InvoiceSummaryOut,
  ProjectOut,
  Ref,
  ReportOut,
  RuleOut,
  TagOut,
  TaskOut,
  TimeEntryOut,
} from "@/lib/integrations/wire-schemas";

export const WorkspaceSettingsOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  plan: z.enum(["free", "pro", "business"]),
  billing_state: z.enum(["active", "trialing", "past_due", "canceled"]),
  public_api_access: z.boolean().describe("Whether apps and AI assistants may connect (changed in the app's workspace settings)"),
  currency: z.string().describe("ISO 4217 code; all amounts are minor units of it"),
  time_zone: z.string().describe("IANA time zone in which calendar dates are read"),
  default_hourly_rate: z.number().int().describe("Minor units per hour when no rule or project rate applies"),
  payment_terms_days: z.number().int().describe("Days from issue to due date on new invoices"),
  invoice_prefix: z.string().describe('Invoice labels are the prefix and a four-digit number, e.g. "INV-0004"'),
});
