/** Output schemas of the domain views as MCP and REST clients receive them (see wire.ts). */
import { z } from "zod";

export const Ref = z.object({ id: z.string(), name: z.string() });

export const ClientOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable().describe("Billing address printed on invoices, one line per line"),
  tax_id: z.string().nullable().describe("The client's VAT/tax ID, printed on invoices"),
  invoice_email: z.string().nullable().describe("Where invoices and reminders go; when null they go to email"),
  archived: z.boolean(),
});

export const TimeEntryOut = z.object({
  id: z.string(),
  started_at: z.string().describe("ISO 8601 instant"),
  duration_seconds: z.number().int(),
  description: z.string(),
  billable: z.boolean(),
  hourly_rate: z.number().int().describe("Minor units per hour, as snapshotted on the entry"),
  project: Ref,
  client: Ref,
  task: Ref.nullable(),
  member: Ref,
  tags: z.array(Ref),
  invoice: z.object({ id: z.string(), label: z.string(), status: z.string() }).nullable(),
});

export const InvoiceSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(["invoice", "credit_note"]).describe("credit_note: cancels all or part of credited_invoice; its amounts are negative"),
  number: z.number().int().describe("Sequential per workspace and kind"),
  label: z.string().describe('"INV-0042", or "CN-0003" for a credit note'),
  status: z.enum(["draft", "sent", "paid", "void"]),
  client: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  issue_date: z.string(),
  due_date: z.string(),
  currency: z.string(),
  subtotal: z.number().int().describe("The lines' sum, before discount and taxes"),
  discount_amount: z.number().int().describe("Taken off the subtotal before tax (0 when none; negative on a credit note that credits a discounted invoice in full)"),
  tax_rate: z.number().int().describe("Basis points: the sum of the taxes' rates (see taxes on get_invoice for each)"),
  tax_amount: z.number().int().describe("The sum of the taxes"),
  total: z.number().int(),
  amount_paid: z.number().int(),
  amount_credited: z.number().int().describe("What credit notes took off this invoice"),
  balance_due: z.number().int().describe("What the client still owes: max(0, total − amount_paid − amount_credited); 0 when void and on credit notes"),
  refund_due: z.number().int().describe("What is owed back to the client: max(0, amount_paid + amount_credited − total), e.g. a paid invoice later credited; 0 on credit notes"),
  overdue: z.boolean(),
  sent_at: z.string().nullable(),
  paid_at: z.string().nullable(),
  voided_at: z.string().nullable(),
});

const InvoiceParty = {
  name: z.string(),
  address: z.string().describe("One line per line; empty when not set"),
  tax_id: z.string().describe("VAT/tax ID; empty when not set"),
};

export const InvoiceDetailOut = InvoiceSummaryOut.extend({
  notes: z.string(),
  tax_note: z.string().describe("Reverse-charge or exemption statement printed under the taxes"),
  taxes: z.array(z.object({ label: z.string(), rate: z.number().int().describe("Basis points: 2000 = 20%"), amount: z.number().int() })).describe("At most two named taxes"),
  discount: z
    .union([
      z.object({ label: z.string(), rate: z.number().int().describe("Basis points off the subtotal") }),
      z.object({ label: z.string(), amount: z.number().int().describe("Minor units off the subtotal") }),
    ])
    .nullable(),
  seller: z
    .object({ ...InvoiceParty, email: z.string(), payment_instructions: z.string(), logo_id: z.string().nullable() })
    .describe("The business issuing it; frozen when sent, the workspace's current details on a draft"),
  buyer: z.object({ ...InvoiceParty, email: z.string().nullable() }).describe("The client billed; frozen when sent"),
  paper_size: z.enum(["a4", "letter"]).describe("The PDF's default page size"),
  credited_invoice: z.object({ id: z.string(), label: z.string() }).nullable().describe("On a credit note: the invoice it credits"),
  credit_notes: z.array(z.object({ id: z.string(), label: z.string(), total: z.number().int(), status: z.string() })).describe("Credit notes issued against this invoice"),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      description: z.string(),
      project: Ref.nullable(),
      task: Ref.nullable(),
      quantity_seconds: z.number().int(),
      unit_rate: z.number().int(),
      amount: z.number().int(),
      entry_count: z.number().int(),
    }),
  ),
  payments: z.array(
    z.object({ id: z.string(), amount: z.number().int(), paid_on: z.string(), method: z.string(), reference: z.string(), recorded_by: z.string() }),
  ),
  deliveries: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["invoice", "reminder", "credit_note"]),
      to_address: z.string(),
      subject: z.string(),
      body: z.string(),
      attachment_name: z.string().nullable().describe("The PDF sent with the message"),
      created_at: z.string(),
    }),
  ),
});

const Minor = (what: string) => z.number().int().describe(`${what}, in minor units (cents) of the workspace currency`);
const Seconds = (what: string) => z.number().int().describe(`${what}, in seconds`);
const CalendarDate = (what: string) => z.string().describe(`${what}, YYYY-MM-DD in the workspace time zone`);

export const ProjectOut = z.object({
  id: z.string(),
  name: z.string(),
  client: Ref,
  hourly_rate: z.number().int().nullable().describe("The project's own rate in minor units per hour; null: rate rules or the workspace default apply"),
  billable_by_default: z.boolean(),
  archived: z.boolean(),
});

export const TaskOut = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(["open", "in_progress", "done"]),
  billable: z.boolean(),
  estimate_seconds: z.number().int().nullable().describe("Estimate in seconds, or null"),
  project: Ref,
  client: Ref,
  tags: z.array(Ref),
});

export const TagOut = z.object({ id: z.string(), name: z.string() });

export const RuleOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["rounding", "minimum_duration", "rate_override"]),
  active: z.boolean(),
  client: Ref.nullable(),
  project: Ref.nullable(),
  member: Ref.nullable().describe("A member-specific rule: the member's id and name"),
  rounding_increment_seconds: z.number().int().nullable(),
  rounding_direction: z.enum(["up", "down", "nearest"]).nullable(),
  minimum_seconds: z.number().int().nullable(),
  hourly_rate: z.number().int().nullable().describe("rate_override: minor units per hour"),
  effect: z.string().describe('In words, e.g. "Round up 0:15"'),
  scope: z.string().describe('What it applies to, e.g. "All work" or "Grace Hopper on project Website"'),
});

export const BillableCandidateOut = z.object({
  id: z.string().describe("Time entry id"),
  started_at: z.string().describe("ISO 8601 instant"),
  description: z.string(),
  member: Ref,
  project: Ref,
  task: Ref.nullable(),
  duration_seconds: Seconds("Tracked time"),
  billable_seconds: Seconds("Time billed after rounding and minimum rules"),
  hourly_rate: Minor("Rate per hour"),
  amount: Minor("Billable amount"),
  applied_rule_ids: z.array(z.string()).describe("Rules that changed the billed time (see list_rules)"),
});

export const BillableCandidatesOut = z.object({
  client: Ref,
  from: CalendarDate("First day"),
  to: CalendarDate("Last day (inclusive)"),
  currency: z.string(),
  entries: z.array(BillableCandidateOut),
  billable_seconds: Seconds("Total billable time"),
  amount: Minor("Total before tax, as a draft grouped per project would show it"),
});

export const InvoicePlanOut = z.object({
  client: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  next_label: z.string().describe("The number the invoice would get if created now, e.g. INV-0004"),
  currency: z.string(),
  issue_date: CalendarDate("Issue date"),
  due_date: CalendarDate("Due date"),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  grouping: z.enum(["project", "task"]),
  tax_rate: z.number().int().describe("Basis points: the sum of the taxes' rates"),
  taxes: InvoiceDetailOut.shape.taxes,
  discount: InvoiceDetailOut.shape.discount,
  tax_note: InvoiceDetailOut.shape.tax_note,
  notes: z.string(),
  entries: z.array(BillableCandidateOut),
  lines: z.array(
    z.object({
      position: z.number().int(),
      description: z.string(),
      project_id: z.string(),
      task_id: z.string().nullable(),
      quantity_seconds: Seconds("Quantity"),
      unit_rate: Minor("Rate per hour"),
      amount: Minor("Line amount"),
      entry_ids: z.array(z.string()),
    }),
  ),
  totals: z.object({
    subtotal: Minor("Subtotal: the lines' sum"),
    discount_amount: Minor("Discount, taken off the subtotal before tax"),
    tax_amount: Minor("The taxes' sum, each on subtotal − discount"),
    total: Minor("Total"),
  }),
});

const ReportFigures = {
  tracked_seconds: Seconds("time/unbilled: tracked time"),
  billable_seconds: Seconds("time/unbilled: billable time after rules"),
  amount: Minor("time/unbilled: billable amount after rules"),
  invoiced: Minor("revenue: invoiced net of tax (sent or paid invoices issued in the range, less credit notes issued in the range)"),
  collected: Minor("revenue: payments received in the range"),
};

export const ReportOut = z.object({
  kind: z.enum(["time", "unbilled", "revenue"]),
  group_by: z.enum(["project", "client", "member"]),
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  own_time_only: z.boolean().describe("True when the report covers only the caller's own time (members)"),
  rows: z.array(z.object({ key: z.string().describe("Id of the project, client or member"), label: z.string(), ...ReportFigures })),
  totals: z.object(ReportFigures),
});

const CountAndAmount = z.object({ count: z.number().int(), amount: Minor("Amount") });

export const BillingHubSummaryOut = z.object({
  currency: z.string(),
  today: CalendarDate("Today"),
  unbilled_by_client: z.array(
    z.object({
      client: Ref,
      entry_count: z.number().int(),
      billable_seconds: Seconds("Unbilled billable time after rules"),
      amount: Minor("Unbilled amount after rules"),
      oldest: z.string().describe("ISO 8601 instant of the oldest unbilled entry"),
    }),
  ),
  unbilled: z.object({ billable_seconds: Seconds("Unbilled billable time"), amount: Minor("Unbilled amount") }),
  drafts: CountAndAmount,
  outstanding: CountAndAmount.describe("Sent invoices still owing something: their balance due (net of payments and credit notes)"),
  overdue: CountAndAmount.extend({ invoices: z.array(InvoiceSummaryOut) }),
  refunds_due: CountAndAmount.describe("Invoices credited after they were paid: what is owed back to clients"),
  paid_this_month: CountAndAmount,
});

export const DeletedTimeEntryOut = z.object({ id: z.string(), started_at: z.string(), duration_seconds: z.number().int(), description: z.string() });

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

/** The settings with the business details invoices print as the seller (owners and admins read them). */
export const WorkspaceSettingsWithDetailsOut = WorkspaceSettingsOut.extend({
  credit_note_prefix: z.string().describe('Credit note labels are the prefix and a four-digit number, e.g. "CN-0001"'),
  paper_size: z.enum(["a4", "letter"]).describe("Paper size of invoice PDFs"),
  legal_name: z.string().describe('The registered name printed on invoices; "" prints the workspace name'),
  address: z.string().describe('Postal address printed on invoices, one line per line; "" when not set'),
  tax_id: z.string().describe('VAT number, GST/ABN, EIN… printed on invoices; "" when not set'),
  contact_email: z.string().describe('Printed on invoices for questions about them; "" when not set'),
  payment_instructions: z.string().describe('Bank details or other payment instructions printed on every invoice; "" when not set'),
  logo_id: z.string().nullable().describe("The logo printed on new invoices, or null; sent invoices keep the logo they were sent with"),
});
