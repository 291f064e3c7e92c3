import type { Workspace } from "@/lib/generated/prisma/client";
import type { BillingState, Plan, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/domain/actor";
import { loadWorkspace } from "./load-workspace";

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  plan: Plan;
  billingState: BillingState;
  publicApiAccess: boolean;
  currency: string;
  timeZone: string;
  defaultHourlyRate: number;
  paymentTermsDays: number;
  invoicePrefix: string;
  /** The actor's own role here. */
  role: Role;
}

export async function getWorkspace(actor: Actor): Promise<WorkspaceView> {
  return toWorkspaceView(await loadWorkspace(actor), actor.role);
}

/** The view of a workspace row, for the actor's `role` there. */
export function toWorkspaceView(w: Workspace, role: Role): WorkspaceView {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    plan: w.plan,
    billingState: w.billingState,
    publicApiAccess: w.publicApiAccess,
    currency: w.currency,
    timeZone: w.timeZone,
    defaultHourlyRate: w.defaultHourlyRate,
    paymentTermsDays: w.paymentTermsDays,
    invoicePrefix: w.invoicePrefix,
    role,
  };
}
