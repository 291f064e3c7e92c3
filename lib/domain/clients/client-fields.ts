/** The billing fields a client is created and edited with; "" from a form means "not set" (null). */
import { z } from "zod";
import { Email, MultilineText, TaxId } from "@/lib/domain/schemas";

const emptyIsNull = (v: string | null | undefined) => (v ? v : null);

/** An email address, or null/"" for none (null). */
const OptionalEmail = z
  .string()
  .trim()
  .refine((v) => v === "" || Email.safeParse(v).success, "must be an email address")
  .nullish()
  .transform(emptyIsNull);

/** The client's contact email; null or "" for none. */
export const ClientEmail = OptionalEmail;

export const ClientBillingFields = {
  /** Billing address printed on invoices, one line per line (at most 8 lines, 500 characters). */
  address: MultilineText(500, 8).nullish().transform(emptyIsNull),
  /** The client's VAT/tax ID, printed on invoices. */
  taxId: TaxId.nullish().transform(emptyIsNull),
  /** Where invoices and reminders go instead of `email`. */
  invoiceEmail: OptionalEmail,
};
