/**
 * Changes the workspace's settings and business details: name, currency, time zone, default
 * hourly rate, payment terms, invoice and credit note prefixes, paper size, and what invoices
 * print as the seller (legal name, address, tax ID, contact email, payment instructions).
 * Owners only (`workspace:manage`). Fields left out stay as they are; nothing changes when any
 * field is refused. Settings that have been used are fixed: amounts are stored as bare minor
 * units, so the currency cannot change once time or invoices exist; labels are built from the
 * current prefix, so the invoice prefix cannot change once an invoice has been sent, nor the
 * credit note prefix once a credit note exists. Sent invoices keep the business details they
 * were sent with (lib/domain/invoices/invoice-parties.ts).
 */
import { z } from "zod";
import { serializableTransaction } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent, type FieldChange } from "@/lib/domain/audit/record-audit-event";
import { conflict, invalidInput, parseInput, workspaceNotFound } from "@/lib/domain/errors";
import { Email, HourlyRate, MultilineText, Name, SingleLineText, TaxId } from "@/lib/domain/schemas";
import { workspaceSettingsOf, type WorkspaceSettingsView } from "./get-workspace-settings";

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** The zone's canonical IANA name ("utc" → "UTC"), or null when the runtime does not know it. */
function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code such as EUR")
  .refine((code) => CURRENCIES.has(code), "is not a currency code this server knows");

export const TimeZone = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64, "is not a time zone")
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "must be an IANA time zone such as Europe/London" });
      return z.NEVER;
    }
    return canonical;
  });

export const InvoicePrefix = z
  .string()
  .trim()
  // An empty prefix would number documents "0001", and an empty credit-note prefix would read as "cleared".
  .min(1, "is required")
  .max(12, "must be at most 12 characters")
  .regex(/^[A-Za-z0-9\-_/.#]*$/, "may only use letters, digits and - _ / . #");

export const PaperSize = z.enum(["a4", "letter"], "must be a4 or letter");

export const BusinessDetails = {
  /** The registered name; "" prints the workspace name. */
  legalName: SingleLineText(200),
  /** Postal address, one line per line. */
  address: MultilineText(500, 8),
  taxId: TaxId,
  /** Printed on invoices for questions about them; "" for none. */
  contactEmail: z
    .string()
    .trim()
    .refine((v) => v === "" || Email.safeParse(v).success, "must be an email address, or empty"),
  /** Bank details or other instructions, printed on every invoice. */
  paymentInstructions: MultilineText(1_000, 12),
};

export const UpdateWorkspaceSettingsInput = z.object({
  name: Name.optional(),
  currency: Currency.optional(),
  timeZone: TimeZone.optional(),
  /** Minor units per hour, the rate of last resort. Applies to time tracked from now on. */
  defaultHourlyRate: HourlyRate.optional(),
  paymentTermsDays: z.int("must be a whole number of days").min(0, "cannot be negative").max(365, "must be at most 365 days").optional(),
  invoicePrefix: InvoicePrefix.optional(),
  creditNotePrefix: InvoicePrefix.optional(),
  paperSize: PaperSize.optional(),
  legalName: BusinessDetails.legalName.optional(),
  address: BusinessDetails.address.optional(),
  taxId: BusinessDetails.taxId.optional(),
  contactEmail: BusinessDetails.contactEmail.optional(),
  paymentInstructions: BusinessDetails.paymentInstructions.optional(),
});
export type UpdateWorkspaceSettingsInput = z.input<typeof UpdateWorkspaceSettingsInput>;

const SETTING_WORDS: Record<string, string> = {
  name: "Name",
  currency: "Currency",
  timeZone: "Time zone",
  defaultHourlyRate: "Default hourly rate (minor units)",
  paymentTermsDays: "Payment terms (days)",
  invoicePrefix: "Invoice prefix",
  creditNotePrefix: "Credit note prefix",
  paperSize: "Paper size",
  legalName: "Legal name",
  address: "Address",
  taxId: "Tax ID",
  contactEmail: "Contact email",
  paymentInstructions: "Payment instructions",
};

/**
 * @returns the settings as they are after the change
 * @throws forbidden for admins and members; invalid_input naming each refused field (nothing is
 *   saved); conflict when a concurrent change (a first invoice, time entry or credit note, or
 *   another settings change) made the check stale — try again
 */
export async function updateWorkspaceSettings(actor: Actor, input: UpdateWorkspaceSettingsInput): Promise<WorkspaceSettingsView> {
  assertCan(actor, "workspace:manage", "change workspace settings");
  const data = parseInput(UpdateWorkspaceSettingsInput, input);
  // SERIALIZABLE, and the update is conditional on the values checked: a check that a first
  // invoice, time entry or credit note made stale loses with a conflict instead of changing a
  // setting that is already in use (on SQLite, writers already run one at a time).
  await serializableTransaction(async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id: actor.workspaceId } });
    if (!current) throw workspaceNotFound();
    if (data.currency !== undefined && data.currency !== current.currency) {
      const [entries, invoices] = await Promise.all([
        tx.timeEntry.count({ where: { workspaceId: current.id } }),
        tx.invoice.count({ where: { workspaceId: current.id } }),
      ]);
      if (entries + invoices > 0) {
        throw invalidInput(`The currency stays ${current.currency}: rates, time and invoices are already recorded in it.`, {
          currency: `cannot change once time or invoices are recorded (it is ${current.currency})`,
        });
      }
    }
    if (data.invoicePrefix !== undefined && data.invoicePrefix !== current.invoicePrefix) {
      const issued = await tx.invoice.count({ where: { workspaceId: current.id, kind: "invoice", status: { not: "draft" } } });
      if (issued > 0) {
        throw invalidInput(`The invoice prefix stays "${current.invoicePrefix}": sent invoices are numbered with it.`, {
          invoicePrefix: "cannot change once an invoice has been sent",
        });
      }
    }
    if (data.creditNotePrefix !== undefined && data.creditNotePrefix !== current.creditNotePrefix) {
      const notes = await tx.invoice.count({ where: { workspaceId: current.id, kind: "credit_note" } });
      if (notes > 0) {
        throw invalidInput(`The credit note prefix stays "${current.creditNotePrefix}": credit notes are numbered with it.`, {
          creditNotePrefix: "cannot change once a credit note exists",
        });
      }
    }
    const invoicePrefix = data.invoicePrefix ?? current.invoicePrefix;
    const creditNotePrefix = data.creditNotePrefix ?? current.creditNotePrefix;
    if (labelsCanCollide(invoicePrefix, creditNotePrefix)) {
      const field = data.creditNotePrefix !== undefined ? "creditNotePrefix" : "invoicePrefix";
      const example = `${invoicePrefix.length >= creditNotePrefix.length ? invoicePrefix : creditNotePrefix}0001`;
      throw invalidInput(`Invoices and credit notes would share numbers (both could be "${example}"): give them different prefixes.`, {
        [field]: field === "creditNotePrefix" ? `must differ from the invoice prefix "${invoicePrefix}"` : `must differ from the credit note prefix "${creditNotePrefix}"`,
      });
    }
    const changes: FieldChange[] = Object.entries(data)
      .filter(([field, value]) => value !== undefined && String(value) !== String(current[field as keyof typeof current]))
      .map(([field, value]) => ({ field: SETTING_WORDS[field] ?? field, from: String(current[field as keyof typeof current]), to: String(value) }));
    if (changes.length === 0) return;
    const { count } = await tx.workspace.updateMany({
      where: { id: current.id, currency: current.currency, invoicePrefix: current.invoicePrefix, creditNotePrefix: current.creditNotePrefix },
      data,
    });
    if (count !== 1) throw conflict(CHANGED_MEANWHILE);
    await recordAuditEvent({ type: "settings.changed", workspaceId: current.id, userId: actor.userId, detail: { changes: changes.map((c) => ({ ...c })) } }, tx);
  }, () => conflict(CHANGED_MEANWHILE));
  return workspaceSettingsOf(actor);
}

/**
 * Whether an invoice and a credit note could get the same label: labels are the prefix and a
 * number of at least four digits, so they collide when one prefix is the other followed by
 * nothing but digits ("INV-" and "INV-", "INV-" and "INV-1": INV-10001).
 */
export function labelsCanCollide(invoicePrefix: string, creditNotePrefix: string): boolean {
  const [shorter, longer] = invoicePrefix.length <= creditNotePrefix.length ? [invoicePrefix, creditNotePrefix] : [creditNotePrefix, invoicePrefix];
  return longer.toLowerCase().startsWith(shorter.toLowerCase()) && /^\d*$/.test(longer.slice(shorter.length));
}

const CHANGED_MEANWHILE = "The workspace changed meanwhile (a first invoice, time entry or another settings change); reload and try again.";
