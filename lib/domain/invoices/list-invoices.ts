import { z } from "zod";
import { db } from "@/lib/db";
import { InvoiceKind, InvoiceStatus } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { Id, PageSize } from "@/lib/domain/schemas";
import { checkFilterIds } from "@/lib/domain/workspaces/check-filter-ids";
import { invoiceSummaryInclude, toInvoiceSummary, type InvoiceSummary } from "./invoice-view";

export const ListInvoicesInput = z.object({
  status: z.enum(Object.values(InvoiceStatus) as [InvoiceStatus, ...InvoiceStatus[]], {
    error: "must be draft, sent, paid or void",
  }).optional(),
  /** Only invoices, or only credit notes; both when omitted. */
  kind: z.enum(Object.values(InvoiceKind) as [InvoiceKind, ...InvoiceKind[]], { error: "must be invoice or credit_note" }).optional(),
  clientId: Id.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+(\.[A-Za-z0-9_-]{1,64})?$/, "is not valid").optional(),
  limit: PageSize,
});

export interface InvoicePage {
  invoices: InvoiceSummary[];
  nextCursor: string | null;
}

/**
 * Newest number first; an invoice and a credit note sharing a number (INV-0003, CN-0003) are
 * ordered by id, and the cursor (`<number>.<id>`) names both so a page boundary between them
 * skips neither.
 * @throws invalid_input for a bad filter or cursor, or a client id not of this workspace
 */
export async function listInvoices(actor: Actor, input: z.input<typeof ListInvoicesInput> = {}): Promise<InvoicePage> {
  assertCan(actor, "invoices:read", "view invoices");
  const { status, kind, clientId, cursor, limit } = parseInput(ListInvoicesInput, input);
  await checkFilterIds(actor, { clientId });
  const [beforeNumber, beforeId] = cursor ? cursor.split(".") : [];
  const before = beforeNumber !== undefined ? Number(beforeNumber) : undefined;
  if (before !== undefined && !Number.isSafeInteger(before)) throw invalidInput("The cursor is not valid.", { cursor: "is not valid" });
  const after =
    before === undefined ? {} : beforeId === undefined ? { number: { lt: before } } : { OR: [{ number: { lt: before } }, { number: before, id: { lt: beforeId } }] };
  const rows = await db.invoice.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(status ? { status } : {}),
      ...(kind ? { kind } : {}),
      ...(clientId ? { clientId } : {}),
      ...after,
    },
    include: invoiceSummaryInclude,
    orderBy: [{ number: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    invoices: page.map(toInvoiceSummary),
    nextCursor: rows.length > limit && last ? `${last.number}.${last.id}` : null,
  };
}
