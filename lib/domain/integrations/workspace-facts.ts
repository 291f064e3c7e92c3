/**
 * The facts about a member's workspace that decide what a connected app may do there, read
 * in one place for the consent page and for every MCP and REST request, so the two cannot
 * read them differently.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import type { Membership, Workspace } from "@/lib/generated/prisma/client";
import type { IntegrationAccessLevel, Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceAccessFacts } from "./integration-access";

export interface WorkspaceFacts extends WorkspaceAccessFacts {
  /** The integration policy's highest access: whatever was granted, a connection never gets more. */
  maxAccess: IntegrationAccessLevel;
}

/** A user's membership with the facts of its workspace. */
export interface MemberWorkspaceFacts {
  membershipId: string;
  role: Role;
  workspace: { id: string; name: string; slug: string };
  facts: WorkspaceFacts;
}

const Hosts = z.array(z.string());

/** The columns the facts are read from: a membership with its workspace. */
export type MembershipFactsRow = Pick<Membership, "id" | "role" | "status"> & {
  workspace: Pick<
    Workspace,
    "id" | "name" | "slug" | "plan" | "publicApiAccess" | "billingState" | "integrationClientPolicy" | "integrationAllowedHosts" | "integrationMaxAccess"
  >;
};

/** The facts of a membership row, however it was read (a Prisma include, or the request's one query in lib/oauth). */
export function toMemberWorkspaceFacts(membership: MembershipFactsRow): MemberWorkspaceFacts {
  const { workspace } = membership;
  return {
    membershipId: membership.id,
    role: membership.role,
    workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
    facts: {
      membershipStatus: membership.status,
      plan: workspace.plan,
      publicApiAccess: workspace.publicApiAccess,
      billingState: workspace.billingState,
      clientPolicy: workspace.integrationClientPolicy,
      allowedHosts: Hosts.parse(workspace.integrationAllowedHosts),
      maxAccess: workspace.integrationMaxAccess,
    },
  };
}

/** Every workspace the user belongs to, inactive memberships included, by workspace name. */
export async function listWorkspaceFacts(userId: string): Promise<MemberWorkspaceFacts[]> {
  const memberships = await db.membership.findMany({ where: { userId }, include: { workspace: true }, orderBy: { workspace: { name: "asc" } } });
  return memberships.map(toMemberWorkspaceFacts);
}

/** The user's membership in one workspace with its facts, or null when they are not a member. */
export async function findWorkspaceFacts(userId: string, workspaceId: string): Promise<MemberWorkspaceFacts | null> {
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, include: { workspace: true } });
  return membership ? toMemberWorkspaceFacts(membership) : null;
}
