import type { Client } from "@/lib/generated/prisma/client";

/**
 * A client as every surface shows it. `address` is the billing address printed on invoices
 * (one line per line), `taxId` their VAT/tax ID, `invoiceEmail` where invoices and reminders go
 * when set (otherwise `email`); null when not set.
 */
export interface ClientView {
  id: string;
  name: string;
  email: string | null;
  address: string | null;
  taxId: string | null;
  invoiceEmail: string | null;
  archived: boolean;
}

export function toClientView(row: Client): ClientView {
  return { id: row.id, name: row.name, email: row.email, address: row.address, taxId: row.taxId, invoiceEmail: row.invoiceEmail, archived: row.archived };
}
