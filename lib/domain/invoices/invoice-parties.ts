/**
 * The seller and buyer blocks an invoice prints. A draft shows the workspace's and client's
 * details as they are now; sending freezes both into the invoice (`Invoice.seller`,
 * `Invoice.buyer`), so a later edit of the business details or the client never changes a
 * document the client already has.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The business issuing the invoice. `logoId` names an immutable LogoImage row, or null. */
export const InvoiceSeller = z.object({
  /** The legal name, or the workspace name when no legal name is set. */
  name: z.string(),
  /** Free text, one line per line; "" when not set. */
  address: z.string(),
  taxId: z.string(),
  email: z.string(),
  paymentInstructions: z.string(),
  logoId: z.string().nullable(),
});
export type InvoiceSeller = z.infer<typeof InvoiceSeller>;

/** The client billed. `email` is where the invoice goes (the invoice email, else the client's email). */
export const InvoiceBuyer = z.object({
  name: z.string(),
  address: z.string(),
  taxId: z.string(),
  email: z.string().nullable(),
});
export type InvoiceBuyer = z.infer<typeof InvoiceBuyer>;

export const sellerFields = {
  name: true,
  legalName: true,
  address: true,
  taxId: true,
  contactEmail: true,
  paymentInstructions: true,
  logoId: true,
} satisfies Prisma.WorkspaceSelect;

export const buyerFields = { name: true, address: true, taxId: true, email: true, invoiceEmail: true } satisfies Prisma.ClientSelect;

type SellerSource = Prisma.WorkspaceGetPayload<{ select: typeof sellerFields }>;
type BuyerSource = Prisma.ClientGetPayload<{ select: typeof buyerFields }>;

/** The seller block from the workspace's current business details. */
export function sellerOf(workspace: SellerSource): InvoiceSeller {
  return {
    name: workspace.legalName || workspace.name,
    address: workspace.address,
    taxId: workspace.taxId,
    email: workspace.contactEmail,
    paymentInstructions: workspace.paymentInstructions,
    logoId: workspace.logoId,
  };
}

/** The buyer block from the client's current details. */
export function buyerOf(client: BuyerSource): InvoiceBuyer {
  return {
    name: client.name,
    address: client.address ?? "",
    taxId: client.taxId ?? "",
    email: client.invoiceEmail ?? client.email,
  };
}

/** A frozen block read back from the invoice row; null when the invoice was never sent. */
export function frozenSeller(value: Prisma.JsonValue | null): InvoiceSeller | null {
  return value === null ? null : InvoiceSeller.parse(value);
}

export function frozenBuyer(value: Prisma.JsonValue | null): InvoiceBuyer | null {
  return value === null ? null : InvoiceBuyer.parse(value);
}
