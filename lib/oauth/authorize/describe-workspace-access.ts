/**
 * A workspace's effective access (../effective-access.ts) in the consent page's words: what
 * the app will be able to do there, grouped by area, and what it asks for but cannot use
 * there now, grouped by the reason.
 */
import { ACCESS_LEVEL_WORDS } from "@/lib/domain/integrations/access-words";
import { REFUSAL_MESSAGES } from "@/lib/domain/integrations/integration-access";
import type { Blocker, EffectiveAccess } from "../effective-access";

export interface AccessItem {
  /** The capability's id (effective-access.ts), stable for keys and tests. */
  id: string;
  text: string;
}

export interface WorkspaceAccessView {
  usable: Array<{ area: string; items: AccessItem[] }>;
  blocked: Array<{ reason: string; items: AccessItem[] }>;
}

/** The reason above a list of capabilities it stops. */
function blockerReason(blocker: Blocker, workspaceName: string): string {
  switch (blocker.kind) {
    case "workspace":
      return REFUSAL_MESSAGES[blocker.refusal];
    case "policy":
      return `This workspace's policy limits apps to ${ACCESS_LEVEL_WORDS[blocker.maxAccess].toLowerCase()}.`;
    case "role":
      return `Your role in ${workspaceName} (${blocker.role}) does not allow:`;
    case "billing":
      return `${workspaceName} is past due: apps can only read until billing is fixed.`;
  }
}

/** The same reason as a clause, for a workspace where nothing asked for is usable. */
function blockerClause(blocker: Blocker): string {
  switch (blocker.kind) {
    case "workspace":
      return REFUSAL_MESSAGES[blocker.refusal];
    case "policy":
      return `its policy limits apps to ${ACCESS_LEVEL_WORDS[blocker.maxAccess].toLowerCase()}`;
    case "role":
      return `your role (${blocker.role}) does not allow it`;
    case "billing":
      return "it is past due, so apps can only read until billing is fixed";
  }
}

export function describeWorkspaceAccess(access: EffectiveAccess, workspaceName: string): WorkspaceAccessView {
  const usable = new Map<string, AccessItem[]>();
  const blocked = new Map<string, AccessItem[]>();
  for (const { capability, blocker, narrowed } of access.capabilities) {
    const item = { id: capability.id, text: narrowed && capability.narrower ? capability.narrower.text : capability.text };
    const [groups, key] = blocker ? [blocked, blockerReason(blocker, workspaceName)] : [usable, capability.area];
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return {
    usable: [...usable].map(([area, items]) => ({ area, items })),
    blocked: [...blocked].map(([reason, items]) => ({ reason, items })),
  };
}

/** Why a workspace cannot be chosen although the app may connect there: nothing asked for is usable now. */
export function nothingUsableReason(access: EffectiveAccess): string | null {
  if (access.capabilities.some((c) => !c.blocker)) return null;
  const clauses = [...new Set(access.capabilities.map((c) => (c.blocker ? blockerClause(c.blocker) : "")).filter(Boolean))];
  return clauses.length ? `Nothing this app asks for can be used here now: ${clauses.join("; ")}.` : "Nothing this app asks for can be used here now.";
}
