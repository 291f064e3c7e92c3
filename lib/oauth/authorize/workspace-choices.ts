/** The user's workspaces as consent choices: which may receive this connection, and why not. */
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { integrationAccessRefusal, REFUSAL_MESSAGES, type AccessRefusal, type ClientFacts } from "@/lib/domain/integrations/integration-access";
import { byRoleThenName } from "@/lib/domain/workspaces/list-user-workspaces";
import type { RegisteredClient } from "../clients/registered-client";

export interface WorkspaceChoice {
  id: string;
  name: string;
  slug: string;
  role: Role;
  refusal: AccessRefusal | null;
  reason: string | null;
}

const Hosts = z.array(z.string());

export function clientFacts(client: Pick<RegisteredClient, "kind" | "id" | "redirectUris">): ClientFacts {
  const hosts =
    client.kind === "metadata_document"
      ? [new URL(client.id).hostname]
      : [...new Set(client.redirectUris.map((u) => { try { return new URL(u).hostname; } catch { return ""; } }).filter(Boolean))];
  return { kind: client.kind, hosts };
}

export async function listWorkspaceChoices(userId: string, client: RegisteredClient): Promise<WorkspaceChoice[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { workspace: true },
    orderBy: { workspace: { name: "asc" } },
  });
  const facts = clientFacts(client);
  return memberships.map((m) => {
    const refusal = integrationAccessRefusal(
      {
        membershipStatus: m.status,
        plan: m.workspace.plan,
        publicApiAccess: m.workspace.publicApiAccess,
        billingState: m.workspace.billingState,
        clientPolicy: m.workspace.integrationClientPolicy,
        allowedHosts: Hosts.parse(m.workspace.integrationAllowedHosts),
      },
      facts,
    );
    return { id: m.workspace.id, name: m.workspace.name, slug: m.workspace.slug, role: m.role, refusal, reason: refusal ? REFUSAL_MESSAGES[refusal] : null };
  }).sort(byRoleThenName);
}
