import { z } from "zod";
import { db } from "@/lib/db";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { Id, PageSize } from "@/lib/domain/schemas";
import { invoiceSummaryInclude, toInvoiceSummary, type InvoiceSummary } from "./invoice-view";

export const ListInvoicesInput = z.object({
  status: z.enum(Object.values(InvoiceStatus) as [InvoiceStatus, ...InvoiceStatus[]], {
    error: "must be draft, sent, paid or void",
  }).optional(),
  clientId: Id.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/, "is not valid").optional(),
  limit: PageSize,
});

export interface InvoicePage {
  invoices: InvoiceSummary[];
  nextCursor: string | null;
}

/** Newest number first. */
export async function listInvoices(actor: Actor, input: z.input<typeof ListInvoicesInput> = {}): Promise<InvoicePage> {
  assertCan(actor, "invoices:read", "view invoices");
  const { status, clientId, cursor, limit } = parseInput(ListInvoicesInput, input);
  const before = cursor ? Number(cursor) : undefined;
  if (before !== undefined && !Number.isSafeInteger(before)) throw invalidInput("The cursor is not valid.", { cursor: "is not valid" });
  const rows = await db.invoice.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(status ? { status } : {}),
      ...(clientId ? { clientId } : {}),
      ...(before !== undefined ? { number: { lt: before } } : {}),
    },
    include: invoiceSummaryInclude,
    orderBy: { number: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    invoices: page.map(toInvoiceSummary),
    nextCursor: rows.length > limit ? String(page.at(-1)?.number) : null,
  };
}
