/**
 * The user's workspaces as consent choices: what the requested access would really give in
 * each (effectiveAccess, from the same workspace facts every later request is checked
 * against), and which cannot be chosen and why.
 */
import type { Scope } from "@/lib/domain/integrations/scopes";
import type { Role } from "@/lib/generated/prisma/enums";
import { REFUSAL_MESSAGES, type AccessRefusal } from "@/lib/domain/integrations/integration-access";
import { listWorkspaceFacts, type WorkspaceFacts } from "@/lib/domain/integrations/workspace-facts";
import { byRoleThenName } from "@/lib/domain/workspaces/list-user-workspaces";
import { clientFacts } from "../clients/client-facts";
import type { RegisteredClient } from "../clients/registered-client";
import { effectiveAccess, type EffectiveAccess } from "../effective-access";
import { nothingUsableReason } from "./describe-workspace-access";

export interface WorkspaceChoice {
  id: string;
  name: string;
  slug: string;
  role: Role;
  facts: WorkspaceFacts;
  /** What the requested scopes would give in this workspace now. */
  access: EffectiveAccess;
  refusal: AccessRefusal | null;
  /** Why it cannot be chosen: the app may not connect there, or could use nothing it asks for. */
  reason: string | null;
}

export async function listWorkspaceChoices(userId: string, client: RegisteredClient, scopes: readonly Scope[]): Promise<WorkspaceChoice[]> {
  const facts = clientFacts(client);
  return (await listWorkspaceFacts(userId))
    .map((m): WorkspaceChoice => {
      const access = effectiveAccess({ scopes, role: m.role, workspace: m.facts, client: facts });
      const reason = access.refusal ? REFUSAL_MESSAGES[access.refusal] : nothingUsableReason(access);
      return { ...m.workspace, role: m.role, facts: m.facts, access, refusal: access.refusal, reason };
    })
    .sort(byRoleThenName);
}
