import { assertCan, type Actor } from "@/lib/domain/actor";
import type { PaperSize } from "@/lib/generated/prisma/enums";
import { toWorkspaceView, type WorkspaceView } from "./get-workspace";
import { loadWorkspace } from "./load-workspace";

/**
 * The workspace's settings with its business details: what the settings page shows and the
 * invoice prints as the seller. Strings are "" when not set; `address` and
 * `paymentInstructions` are free text, one line per line; `logoId` names the current
 * LogoImage (served by the settings logo route), or null.
 */
export interface WorkspaceSettingsView extends WorkspaceView {
  /** The registered name printed on invoices; "" means the workspace name is printed. */
  legalName: string;
  address: string;
  /** VAT number, GST/ABN, EIN…, printed as given. */
  taxId: string;
  contactEmail: string;
  /** Bank details or other payment instructions, printed on every invoice. */
  paymentInstructions: string;
  paperSize: PaperSize;
  /** Credit note labels are the prefix and a four-digit number, e.g. "CN-0001". */
  creditNotePrefix: string;
  logoId: string | null;
}

/**
 * Reads the settings page's facts. Owners and admins (`settings:read`); a member is refused.
 * @throws forbidden for a member
 */
export async function getWorkspaceSettings(actor: Actor): Promise<WorkspaceSettingsView> {
  assertCan(actor, "settings:read", "view workspace settings");
  return workspaceSettingsOf(actor);
}

/** The settings view without a permission check, for callers that already made one. */
export async function workspaceSettingsOf(actor: Actor): Promise<WorkspaceSettingsView> {
  const w = await loadWorkspace(actor);
  return {
    ...toWorkspaceView(w, actor.role),
    legalName: w.legalName,
    address: w.address,
    taxId: w.taxId,
    contactEmail: w.contactEmail,
    paymentInstructions: w.paymentInstructions,
    paperSize: w.paperSize,
    creditNotePrefix: w.creditNotePrefix,
    logoId: w.logoId,
  };
}
