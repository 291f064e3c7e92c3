/**
 * Changes the workspace's general settings: name, currency, time zone, default hourly rate,
 * payment terms and invoice prefix. Owners only (`workspace:manage`). Fields left out stay as
 * they are. Two settings are fixed once they have been used: amounts are stored as bare minor
 * units, so the currency cannot change once time or invoices exist; invoice labels are built
 * from the current prefix, so it cannot change once an invoice has been sent.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent, type FieldChange } from "@/lib/domain/audit/record-audit-event";
import { invalidInput, notFound, parseInput } from "@/lib/domain/errors";
import { HourlyRate, Name } from "@/lib/domain/schemas";
import { getWorkspace, type WorkspaceView } from "./get-workspace";

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
  .max(12, "must be at most 12 characters")
  .regex(/^[A-Za-z0-9\-_/.#]*$/, "may only use letters, digits and - _ / . #");

export const UpdateWorkspaceSettingsInput = z.object({
  name: Name.optional(),
  currency: Currency.optional(),
  timeZone: TimeZone.optional(),
  /** Minor units per hour, the rate of last resort. Applies to time tracked from now on. */
  defaultHourlyRate: HourlyRate.optional(),
  paymentTermsDays: z.int("must be a whole number of days").min(0, "cannot be negative").max(365, "must be at most 365 days").optional(),
  invoicePrefix: InvoicePrefix.optional(),
});
export type UpdateWorkspaceSettingsInput = z.input<typeof UpdateWorkspaceSettingsInput>;

const SETTING_WORDS: Record<string, string> = {
  name: "Name",
  currency: "Currency",
  timeZone: "Time zone",
  defaultHourlyRate: "Default hourly rate (minor units)",
  paymentTermsDays: "Payment terms (days)",
  invoicePrefix: "Invoice prefix",
};

export async function updateWorkspaceSettings(actor: Actor, input: UpdateWorkspaceSettingsInput): Promise<WorkspaceView> {
  assertCan(actor, "workspace:manage", "change workspace settings");
  const data = parseInput(UpdateWorkspaceSettingsInput, input);
  await db.$transaction(async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id: actor.workspaceId } });
    if (!current) throw notFound("Workspace");
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
      const issued = await tx.invoice.count({ where: { workspaceId: current.id, status: { not: "draft" } } });
      if (issued > 0) {
        throw invalidInput(`The invoice prefix stays "${current.invoicePrefix}": sent invoices are numbered with it.`, {
          invoicePrefix: "cannot change once an invoice has been sent",
        });
      }
    }
    const changes: FieldChange[] = Object.entries(data)
      .filter(([field, value]) => value !== undefined && String(value) !== String(current[field as keyof typeof current]))
      .map(([field, value]) => ({ field: SETTING_WORDS[field] ?? field, from: String(current[field as keyof typeof current]), to: String(value) }));
    if (changes.length === 0) return;
    await tx.workspace.update({ where: { id: current.id }, data });
    await recordAuditEvent({ type: "settings.changed", workspaceId: current.id, userId: actor.userId, detail: { changes: changes.map((c) => ({ ...c })) } }, tx);
  });
  return getWorkspace(actor);
}
