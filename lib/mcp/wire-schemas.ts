/** Output schemas of the domain views as MCP clients receive them (see wire.ts). */
import { z } from "zod";

export const Ref = z.object({ id: z.string(), name: z.string() });

export const ClientOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable(),
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
  number: z.number().int(),
  label: z.string(),
  status: z.enum(["draft", "sent", "paid", "void"]),
  client: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  issue_date: z.string(),
  due_date: z.string(),
  currency: z.string(),
  subtotal: z.number().int(),
  tax_rate: z.number().int().describe("Basis points: 2000 = 20%"),
  tax_amount: z.number().int(),
  total: z.number().int(),
  amount_paid: z.number().int(),
  balance_due: z.number().int(),
  overdue: z.boolean(),
  sent_at: z.string().nullable(),
  paid_at: z.string().nullable(),
  voided_at: z.string().nullable(),
});

export const InvoiceDetailOut = InvoiceSummaryOut.extend({
  notes: z.string(),
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
  deliveries: z.array(z.object({ id: z.string(), to_address: z.string(), subject: z.string(), body: z.string(), created_at: z.string() })),
});
