/** Invoices: drafts from unbilled billable time, sending, payments and voiding. */
import { z } from "zod";
import { checkInvoicePayment, checkInvoiceSend, checkInvoiceVoid } from "@/lib/domain/invoices/check-consequential";
import { createInvoiceDraft as createInvoiceDraftInDomain } from "@/lib/domain/invoices/create-invoice-draft";
import { findBillableCandidates as findBillableCandidatesInDomain } from "@/lib/domain/invoices/find-billable-candidates";
import { getInvoice as getInvoiceInDomain } from "@/lib/domain/invoices/get-invoice";
import { listInvoices as listInvoicesInDomain } from "@/lib/domain/invoices/list-invoices";
import { previewInvoice as previewInvoiceInDomain } from "@/lib/domain/invoices/preview-invoice";
import { recordInvoicePayment as recordInvoicePaymentInDomain } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice as sendInvoiceInDomain } from "@/lib/domain/invoices/send-invoice";
import { updateInvoiceDraft as updateInvoiceDraftInDomain } from "@/lib/domain/invoices/update-invoice-draft";
import { voidInvoice as voidInvoiceInDomain } from "@/lib/domain/invoices/void-invoice";
import { formatMoney } from "@/lib/domain/money";
import { domainNamed } from "@/lib/integrations/wire";
import { BillableCandidatesOut, InvoiceDetailOut, InvoicePlanOut, InvoiceSummaryOut } from "@/lib/integrations/wire-schemas";
import { cursor, date, email, id, idList, invoiceStatus, limit, page, text } from "./fields";
import { invoiceDiscount, InvoicePlanFields, invoiceTaxes, taxNote, toInvoicePlanInput } from "./invoice-plan";
import { defineOperation } from "./operation";

const PLAN_FIELD_NAMES = { entryIds: "time_entry_ids" };
const InvoiceOut = z.object({ invoice: InvoiceDetailOut });

export const listInvoices = defineOperation({
  name: "list_invoices",
  title: "List invoices",
  description:
    "Invoices, newest number first, one page at a time (while next_cursor is not null, ask again with cursor set to it). Filter by status (draft, sent, paid, void), kind (invoice or credit_note; credit notes have negative totals) and client_id (from list_clients). Amounts are minor units (cents) of the invoice currency; dates are YYYY-MM-DD in the workspace's time zone; overdue means sent and past its due date. get_invoice has the lines, payments and deliveries.",
  scope: "invoices:read", permission: "invoices:read", effect: "read",
  input: z.object({
    status: invoiceStatus.optional().describe("Only invoices with this status"),
    kind: z.enum(["invoice", "credit_note"]).optional().describe("Only invoices, or only credit notes (both when left out)"),
    client_id: id("a client", "list_clients").optional(),
    cursor: cursor.optional(),
    limit,
  }),
  output: page("invoices", InvoiceSummaryOut),
  run: ({ actor }, input) => listInvoicesInDomain(actor, domainNamed(input)),
});

export const getInvoice = defineOperation({
  name: "get_invoice",
  title: "Get an invoice",
  description:
    "One invoice in full: status, client, dates (YYYY-MM-DD, workspace time zone), lines (quantity in seconds × hourly unit_rate = amount), totals, payments and the messages it was sent with. Amounts are minor units (cents); tax_rate is basis points (2000 = 20%).",
  scope: "invoices:read", permission: "invoices:read", effect: "read",
  input: z.object({ invoice_id: id("an invoice", "list_invoices") }),
  output: InvoiceOut,
  run: async ({ actor }, input) => ({ invoice: await getInvoiceInDomain(actor, input.invoice_id) }),
});

export const findBillableCandidates = defineOperation({
  name: "find_billable_candidates",
  title: "Find unbilled billable time",
  description:
    "A client's billable time between two dates (YYYY-MM-DD, inclusive, workspace time zone) that is on no invoice yet, priced after the billing rules: per entry the tracked duration_seconds, the billable_seconds after rounding and minimums, the hourly_rate and the amount (minor units). Totals are what a draft grouped per project would bill. Nothing is changed; pass the same client and range (or chosen entry ids) to preview_invoice / create_invoice_draft.",
  scope: "invoices:read", permission: "invoices:read", effect: "read",
  input: z.object({
    client_id: id("a client", "list_clients"),
    from: date("First day"),
    to: date("Last day, inclusive"),
    project_ids: idList("projects", "list_projects", 50).optional().describe("Only time on these projects"),
    limit: z.int().min(1).max(500).default(100).describe("At most this many entries in the answer (default 100); the totals always cover all of them"),
  }),
  output: BillableCandidatesOut.extend({
    entry_count: z.number().int().describe("How many entries the totals cover"),
    entries_truncated: z.boolean().describe("true when entries lists only the first `limit` of them (oldest first)"),
  }),
  async run({ actor }, input) {
    const found = await findBillableCandidatesInDomain(actor, domainNamed(input));
    // A month of a busy client is thousands of entries: more than a caller can use, and slow to send.
    return { ...found, entries: found.entries.slice(0, input.limit), entryCount: found.entries.length, entriesTruncated: found.entries.length > input.limit };
  },
});

export const previewInvoice = defineOperation({
  name: "preview_invoice",
  title: "Preview an invoice",
  description:
    "The invoice create_invoice_draft would make from the same input, without creating anything: number, dates, lines (quantity in seconds × hourly unit_rate = amount), totals in minor units and the entries it would bill. Bill a client's unbilled billable time either between from and to (YYYY-MM-DD, inclusive, workspace time zone) or for explicit time_entry_ids — one or the other.",
  scope: "invoices:read", permission: "invoices:read", effect: "read",
  input: InvoicePlanFields,
  output: InvoicePlanOut,
  fieldNames: PLAN_FIELD_NAMES,
  run: ({ actor }, input) => previewInvoiceInDomain(actor, toInvoicePlanInput(input)),
});

export const createInvoiceDraft = defineOperation({
  name: "create_invoice_draft",
  title: "Create a draft invoice",
  description:
    "Creates a draft invoice for a client and reserves the billed time for it, so it cannot be invoiced twice. Bill the client's unbilled billable time either between from and to (YYYY-MM-DD, inclusive, workspace time zone) or for explicit time_entry_ids (from find_billable_candidates) — one or the other. Lines are per project (or per project and task) at each rate, priced after billing rules; up to two named taxes (basis points) and an optional discount (rate or fixed amount) are applied on the total; amounts come back in minor units. preview_invoice with the same input shows it first. A draft is not sent: edit it with update_invoice_draft, send it with send_invoice, or void_invoice to release its time.",
  scope: "invoices:write", permission: "invoices:write", effect: "additive",
  idempotencyKey: true,
  input: InvoicePlanFields,
  output: InvoiceOut,
  fieldNames: PLAN_FIELD_NAMES,
  run: async ({ actor, tx }, input) => ({ invoice: await createInvoiceDraftInDomain(actor, toInvoicePlanInput(input), tx) }),
});

export const updateInvoiceDraft = defineOperation({
  name: "update_invoice_draft",
  title: "Edit a draft invoice",
  description:
    "Edits a draft invoice (sent or paid invoices are corrected with a credit note instead): issue_date and due_date (YYYY-MM-DD, due on or after issue), notes, tax_note, taxes (replaces them; [] removes), discount (replaces it; null removes), and line descriptions by line id (from get_invoice). refresh_time re-pulls its time: the entries the draft holds are released and the client's unbilled billable time between from and to (or the draft's own period when both are left out) is billed again at current rates, rebuilding the lines — so edited descriptions are replaced — while the draft keeps its number. Totals are recomputed on every edit. Fields left out stay as they are.",
  scope: "invoices:write", permission: "invoices:write", effect: "updating",
  input: z.object({
    invoice_id: id("a draft invoice", "list_invoices"),
    issue_date: date("Issue date").optional(),
    due_date: date("Due date, on or after the issue date").optional(),
    notes: text(2_000).optional().describe("Printed on the invoice"),
    tax_note: taxNote.optional(),
    taxes: invoiceTaxes.optional().describe("Replaces the taxes: at most two, each {label, rate in basis points}; [] removes them"),
    discount: invoiceDiscount.nullable().optional().describe("Replaces the discount (rate or amount, not both); null removes it"),
    lines: z
      .array(z.strictObject({ id: id("a line of this invoice", "get_invoice"), description: z.string().min(1).max(500) }))
      .max(500)
      .optional()
      .describe("New descriptions for some lines; not together with refresh_time"),
    refresh_time: z
      .strictObject({
        from: date("Bill unbilled billable time from this day").optional(),
        to: date("…up to and including this day").optional(),
        grouping: z.enum(["project", "task"]).optional().describe("One line per project or per project and task (default: as the draft was)"),
      })
      .optional()
      .describe("Re-pull the draft's time; {} for its own period"),
  }),
  output: InvoiceOut,
  fieldNames: { id: "invoice_id" },
  run: async ({ actor, tx }, input) => ({
    invoice: await updateInvoiceDraftInDomain(
      actor,
      {
        id: input.invoice_id,
        issueDate: input.issue_date,
        dueDate: input.due_date,
        notes: input.notes,
        taxNote: input.tax_note,
        taxes: input.taxes,
        discount: input.discount,
        lines: input.lines,
        refreshTime: input.refresh_time,
      },
      tx,
    ),
  }),
});

export const sendInvoice = defineOperation({
  name: "send_invoice",
  title: "Send an invoice",
  description:
    "Marks a draft invoice as sent to the client (Hourbook keeps the rendered message in its outbox). A deliberate action with its own scope (invoices:send); sending again is refused. Without to, it goes to the client's email address.",
  scope: "invoices:send", permission: "invoices:send", effect: "additive",
  input: z.object({
    invoice_id: id("a draft invoice", "list_invoices"),
    to: email.optional().describe("Recipient; defaults to the client's email address"),
    message: text(2_000).optional().describe("A personal note above the invoice"),
  }),
  output: InvoiceOut,
  async confirm({ actor }, input) {
    // The dry run refuses now what sending would refuse (not a draft, no address, no lines).
    const check = await checkInvoiceSend(actor, { id: input.invoice_id, to: input.to, message: input.message });
    return `Send invoice ${check.label}, ${formatMoney(check.total, check.currency)}, to ${check.clientName} <${check.to}>`;
  },
  run: async ({ actor, tx }, input) => ({ invoice: await sendInvoiceInDomain(actor, { id: input.invoice_id, to: input.to, message: input.message }, tx) }),
});

export const recordInvoicePayment = defineOperation({
  name: "record_invoice_payment",
  title: "Record a payment",
  description:
    "Records a full or partial payment received on a sent invoice; paying the whole balance marks it paid. amount is in minor units (cents) of the invoice currency and at most the balance due (see get_invoice). Answers with the invoice.",
  scope: "invoices:write", permission: "payments:write", effect: "additive",
  idempotencyKey: true,
  input: z.object({
    invoice_id: id("a sent invoice", "list_invoices"),
    amount: z.int().min(1).max(10_000_000_000).describe("Amount received, in minor units (cents): 10000 = 100.00"),
    paid_on: date("Day the money arrived (default today; not in the future)").optional(),
    method: z.enum(["bank_transfer", "card", "cash", "check", "other"]).default("bank_transfer").describe("How it was paid (default bank_transfer)"),
    reference: text(200).default("").describe("Bank reference or note"),
  }),
  output: InvoiceOut,
  fieldNames: { invoiceId: "invoice_id", paidOn: "paid_on" },
  async confirm({ actor }, input) {
    // The dry run refuses now what recording would refuse (overpayment, a draft, a future date).
    const check = await checkInvoicePayment(actor, domainNamed(input));
    const money = (amount: number) => formatMoney(amount, check.currency);
    return `Record a payment of ${money(input.amount)} on ${check.label} (balance ${money(check.balanceBefore)} → ${money(check.balanceAfter)}) from ${check.clientName}`;
  },
  run: async ({ actor, tx }, input) => ({ invoice: await recordInvoicePaymentInDomain(actor, domainNamed(input), tx) }),
});

export const voidInvoice = defineOperation({
  name: "void_invoice",
  title: "Void an invoice",
  description:
    "Voids a draft or sent invoice that has no payments: it keeps its number, owes nothing, and its time entries become unbilled again (ready for a new invoice). Cannot be undone. Administrative: needs the hourbook:admin scope.",
  scope: "hourbook:admin", permission: "invoices:void", effect: "destructive",
  input: z.object({ invoice_id: id("the invoice", "list_invoices") }),
  output: InvoiceOut,
  async confirm({ actor }, input) {
    // The dry run refuses now what voiding would refuse (already void, payments recorded).
    const check = await checkInvoiceVoid(actor, { id: input.invoice_id });
    return `Void invoice ${check.label}, ${formatMoney(check.total, check.currency)}, for ${check.clientName} — its time becomes billable again`;
  },
  run: async ({ actor }, input) => ({ invoice: await voidInvoiceInDomain(actor, { id: input.invoice_id }) }),
});
