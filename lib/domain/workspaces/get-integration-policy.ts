/** The workspace's integration policy and the plan facts that bound it, for the settings pages. */
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseApprovalOperations, type ApprovalOperation } from "@/lib/domain/approvals/approval-operations";
import type { BillingState, IntegrationAccessLevel, IntegrationClientPolicy, Plan } from "@/lib/generated/prisma/enums";
import { loadWorkspace } from "./load-workspace";

export interface IntegrationPolicyView {
  publicApiAccess: boolean;
  clientPolicy: IntegrationClientPolicy;
  allowedHosts: string[];
  maxAccess: IntegrationAccessLevel;
  /** Consequential operations the person must approve in Hourbook before an app's confirmation works. */
  approvalOperations: ApprovalOperation[];
  plan: Plan;
  billingState: BillingState;
}

const Hosts = z.array(z.string());

export async function getIntegrationPolicy(actor: Actor): Promise<IntegrationPolicyView> {
  assertCan(actor, "members:manage", "see the integration policy");
  const w = await loadWorkspace(actor);
  return {
    publicApiAccess: w.publicApiAccess,
    clientPolicy: w.integrationClientPolicy,
    allowedHosts: Hosts.catch([]).parse(w.integrationAllowedHosts),
    maxAccess: w.integrationMaxAccess,
    approvalOperations: parseApprovalOperations(w.integrationApprovalOperations),
    plan: w.plan,
    billingState: w.billingState,
  };
}
