/**
 * Whether a workspace lets a connected app in, and how far. One answer for the consent
 * page (which workspaces can be picked), and for every MCP and REST request afterwards, so
 * a policy change or a downgrade bites on the very next request.
 */
import type { BillingState, IntegrationAccessLevel, IntegrationClientPolicy, MembershipStatus, Plan } from "@/lib/generated/prisma/enums";

export type AccessRefusal =
  | "membership_inactive"
  | "plan_without_api"
  | "api_access_off"
  | "billing_canceled"
  | "client_not_allowed";

export interface WorkspaceAccessFacts {
  membershipStatus: MembershipStatus;
  plan: Plan;
  publicApiAccess: boolean;
  billingState: BillingState;
  clientPolicy: IntegrationClientPolicy;
  allowedHosts: readonly string[];
}

export interface ClientFacts {
  kind: "dynamic" | "metadata_document" | "developer_app";
  /** The host the client is identified by: metadata-document host or redirect host. */
  hosts: readonly string[];
}

const PLANS_WITH_API: ReadonlySet<Plan> = new Set(["pro", "business"]);

export const REFUSAL_MESSAGES: Record<AccessRefusal, string> = {
  membership_inactive: "Your membership in this workspace is inactive.",
  plan_without_api: "This workspace's plan does not include API and AI assistant access (Pro or Business needed).",
  api_access_off: "API and AI assistant access is turned off in this workspace's settings.",
  billing_canceled: "This workspace's subscription is canceled.",
  client_not_allowed: "This workspace's policy does not allow this kind of app to connect.",
};

/** The first reason a connection into this workspace is refused, or null when it may connect. */
export function integrationAccessRefusal(workspace: WorkspaceAccessFacts, client: ClientFacts): AccessRefusal | null {
  if (workspace.membershipStatus !== "active") return "membership_inactive";
  if (!PLANS_WITH_API.has(workspace.plan)) return "plan_without_api";
  if (!workspace.publicApiAccess) return "api_access_off";
  if (workspace.billingState === "canceled") return "billing_canceled";
  if (!clientPolicyAllows(workspace, client)) return "client_not_allowed";
  return null;
}

function clientPolicyAllows(workspace: WorkspaceAccessFacts, client: ClientFacts): boolean {
  if (workspace.clientPolicy === "any") return true;
  if (workspace.clientPolicy === "developer_apps") return client.kind === "developer_app";
  const allowed = new Set(workspace.allowedHosts.map((h) => h.toLowerCase()));
  return client.hosts.length > 0 && client.hosts.every((h) => allowed.has(h.toLowerCase()));
}

/** Billing past due: reads go on, writes stop until the bill is paid. */
export function billingAllowsWrites(state: BillingState): boolean {
  return state !== "past_due" && state !== "canceled";
}

export const BILLING_WRITE_REFUSAL = "This workspace's billing is past due: connected apps can read but not change anything until it is settled.";

export type { IntegrationAccessLevel };
