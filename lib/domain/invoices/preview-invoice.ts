import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { InvoicePlanInput, planInvoice, type InvoicePlan } from "./plan-invoice";

/** The invoice a draft would become, without creating anything. */
export async function previewInvoice(actor: Actor, input: InvoicePlanInput): Promise<InvoicePlan> {
  assertCan(actor, "invoices:read", "preview invoices");
  const data = parseInput(InvoicePlanInput, input);
  return planInvoice(db, actor, data);
}
