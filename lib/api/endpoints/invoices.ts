import { z } from "zod";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { findBillableCandidates } from "@/lib/domain/invoices/find-billable-candidates";
import { getInvoice } from "@/lib/domain/invoices/get-invoice";
import { listInvoices } from "@/lib/domain/invoices/list-invoices";
import type { InvoicePlanInput } from "@/lib/domain/invoices/plan-invoice";
import { previewInvoice } from "@/lib/domain/invoices/preview-invoice";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { voidInvoice } from "@/lib/domain/invoices/void-invoice";
import { defineEndpoint } from "../endpoint";
import { ResourceId } from "../query";
import { BillableCandidatesOut, InvoiceDetailOut, InvoicePlanOut, InvoiceSummaryOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { bodyId, bodyIdList, Cursor, isoDate, Limit, NextCursor, queryId, queryIdList } from "./params";

/** What preview and create share, so a preview and the draft made from the same body are the same invoice. */
const InvoicePlanBody = z
  .strictObject({
    client_id: bodyId("the client to invoice", "GET /api/v1/clients"),
    from: isoDate("Bill unbilled billable time from this day").optional(),
    to: isoDate("…up to and including this day").optional(),
    time_entry_ids: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(5_000)
      .optional()
      .describe("Instead of from/to: exactly these unbilled billable entries of the client (ids from GET /api/v1/billable-candidates)"),
    project_ids: bodyIdList("projects", "GET /api/v1/projects", 50).optional().describe("Only time on these projects"),
    grouping: z.enum(["project", "task"]).optional().describe("One line per project (default) or per project and task"),
    issue_date: isoDate("Issue date (default today)").optional(),
    due_date: isoDate("Due date (default: issue date + the workspace's payment terms)").optional(),
    tax_rate: z.int().min(0).max(10_000).optional().describe("Tax in basis points: 2000 = 20% (default 0)"),
    notes: z.string().max(2_000).optional().describe("Printed on the invoice"),
  })
  .refine((b) => !(b.time_entry_ids && (b.from !== undefined || b.to !== undefined)), {
    message: "give a date range (from and to) or time_entry_ids, not both",
    path: ["time_entry_ids"],
  })
  .refine((b) => b.time_entry_ids || (b.from !== undefined && b.to !== undefined), {
    message: "give a date range (from and to) or time_entry_ids",
    path: ["from"],
  });

const PLAN_FIELDS = { entryIds: "time_entry_ids" };

function toPlanInput(body: z.output<typeof InvoicePlanBody>): InvoicePlanInput {
  return {
    clientId: body.client_id,
    from: body.from,
    to: body.to,
    entryIds: body.time_entry_ids,
    projectIds: body.project_ids,
    grouping: body.grouping,
    issueDate: body.issue_date,
    dueDate: body.due_date,
    taxRate: body.tax_rate,
    notes: body.notes,
  };
}

const InvoiceId = z.strictObject({ id: ResourceId });

export const listInvoicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/invoices",
  operationId: "listInvoices",
  summary: "List invoices",
  description:
    "Newest number first, a page at a time: while next_cursor is not null, ask again with cursor set to it. Amounts are minor units of the invoice currency; dates YYYY-MM-DD in the workspace's time zone; overdue means sent and past its due date.",
  tag: "Invoices",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  query: z.strictObject({
    status: z.enum(["draft", "sent", "paid", "void"]).optional().describe("Only invoices with this status"),
    client_id: queryId("this client's invoices", "GET /api/v1/clients").optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  }),
  response: z.object({ data: z.array(InvoiceSummaryOut), next_cursor: NextCursor }),
  async handle({ actor }, { query }) {
    const page = await requestFields("query", listInvoices(actor, { status: query.status, clientId: query.client_id, cursor: query.cursor, limit: query.limit }));
    return { data: page.invoices, nextCursor: page.nextCursor };
  },
});

export const getInvoiceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/invoices/{id}",
  operationId: "getInvoice",
  summary: "Get an invoice",
  description: "One invoice in full: lines (quantity in seconds × hourly unit_rate = amount), totals, payments and the messages it was sent with.",
  tag: "Invoices",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  params: InvoiceId,
  query: z.strictObject({}),
  response: InvoiceDetailOut,
  handle: ({ actor }, { params }) => getInvoice(actor, params.id),
});

export const previewInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invoices/preview",
  operationId: "previewInvoice",
  summary: "Preview an invoice",
  description:
    "The invoice POST /api/v1/invoices would create from the same body, without creating anything: number, dates, lines, totals and the entries it would bill. Bill either a date range (from and to) or explicit time_entry_ids.",
  tag: "Invoices",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  body: InvoicePlanBody,
  response: InvoicePlanOut,
  handle: ({ actor }, { body }) => requestFields("body", previewInvoice(actor, toPlanInput(body)), PLAN_FIELDS),
});

export const createInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invoices",
  operationId: "createInvoice",
  summary: "Create a draft invoice",
  description:
    "Creates a draft from the client's unbilled billable time (a date range, or explicit time_entry_ids) and reserves that time for it, so it cannot be invoiced twice. Lines are per project (or per project and task) at each rate, priced after billing rules. A draft is not sent.",
  tag: "Invoices",
  scope: "invoices:write",
  permission: "invoices:write",
  access: "write",
  body: InvoicePlanBody,
  response: InvoiceDetailOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) => requestFields("body", createInvoiceDraft(actor, toPlanInput(body), tx), PLAN_FIELDS),
});

export const sendInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invoices/{id}/send",
  operationId: "sendInvoice",
  summary: "Send a draft invoice",
  description:
    "Marks a draft as sent to the client and keeps the rendered message in the outbox. A deliberate action with its own scope (invoices:send). It is not repeatable: sending again is a 409, unless the retry carries the same Idempotency-Key, which returns the first result. Send {} to use the client's email address.",
  tag: "Invoices",
  scope: "invoices:send",
  permission: "invoices:send",
  access: "write",
  params: InvoiceId,
  body: z.strictObject({
    to: z.email().max(254).optional().describe("Recipient; defaults to the client's email address"),
    message: z.string().max(2_000).optional().describe("A personal note above the invoice"),
  }),
  response: InvoiceDetailOut,
  idempotent: true,
  handle: ({ actor, tx }, { params, body }) => requestFields("body", sendInvoice(actor, { id: params.id, to: body.to, message: body.message }, tx)),
});

export const voidInvoiceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invoices/{id}/void",
  operationId: "voidInvoice",
  summary: "Void an invoice",
  description:
    "Voids a draft or sent invoice without payments: it keeps its number, owes nothing, and its time becomes unbilled again. Cannot be undone. Administrative, as for AI assistants: needs the hourbook:admin scope.",
  tag: "Invoices",
  scope: "hourbook:admin",
  permission: "invoices:void",
  access: "admin",
  params: InvoiceId,
  response: InvoiceDetailOut,
  handle: ({ actor }, { params }) => voidInvoice(actor, { id: params.id }),
});

export const recordPaymentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/invoices/{id}/payments",
  operationId: "recordInvoicePayment",
  summary: "Record a payment",
  description:
    "A full or partial payment received on a sent invoice; paying the whole balance marks it paid, more than the balance is refused. Send an Idempotency-Key so a retry cannot record the payment twice. Answers with the invoice.",
  tag: "Invoices",
  scope: "invoices:write",
  permission: "payments:write",
  access: "write",
  params: InvoiceId,
  body: z.strictObject({
    amount: z.int().min(1).max(10_000_000_000).describe("Amount received, in minor units (cents): 10000 = 100.00"),
    paid_on: isoDate("Day the money arrived (default today; not in the future)").optional(),
    method: z.enum(["bank_transfer", "card", "cash", "check", "other"]).optional().describe("How it was paid (default bank_transfer)"),
    reference: z.string().max(200).optional().describe("Bank reference or note"),
  }),
  response: InvoiceDetailOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { params, body }) =>
    requestFields(
      "body",
      recordInvoicePayment(actor, { invoiceId: params.id, amount: body.amount, paidOn: body.paid_on, method: body.method, reference: body.reference }, tx),
    ),
});

export const billableCandidatesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/billable-candidates",
  operationId: "findBillableCandidates",
  summary: "Unbilled billable time of a client",
  description:
    "A client's billable time between two dates that is on no invoice yet, priced after the billing rules: per entry the tracked and billable seconds, the rate and the amount. Totals are what a draft grouped per project would bill. Nothing is changed.",
  tag: "Invoices",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  query: z.strictObject({
    client_id: z.string().min(1).max(64).describe("Id of the client (from GET /api/v1/clients)"),
    from: isoDate("First day"),
    to: isoDate("Last day, inclusive"),
    project_id: queryIdList("Only time on these projects (ids from GET /api/v1/projects)", 50).optional(),
  }),
  response: BillableCandidatesOut,
  handle: ({ actor }, { query }) =>
    requestFields("query", findBillableCandidates(actor, { clientId: query.client_id, from: query.from, to: query.to, projectIds: query.project_id }), {
      projectIds: "project_id",
    }),
});
