/**
 * What a connected app can really do in one workspace: the scopes asked for (or granted) ∩ the
 * member's role ∩ what the plan and billing allow ∩ the workspace's integration policy. The
 * consent page shows it for each workspace before anything is granted; resolveConnection takes
 * the token's usable scopes and the write refusal from it on every MCP and REST request. One
 * answer for both, so the page never promises what the next request would refuse.
 */
import { describeScope } from "@/lib/domain/integrations/scope-descriptions";
import { capToAccessLevel, scopesAllow, type AccessLevel, type Scope } from "@/lib/domain/integrations/scopes";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  BILLING_WRITE_REFUSAL,
  billingAllowsWrites,
  integrationAccessRefusal,
  type AccessRefusal,
  type ClientFacts,
} from "@/lib/domain/integrations/integration-access";
import type { WorkspaceFacts } from "@/lib/domain/integrations/workspace-facts";
import { roleAllows, type Permission } from "@/lib/domain/permissions";

/**
 * One thing a connection can do, as every MCP tool and REST endpoint declares it: the scope
 * that grants it, the role permission the domain checks, and whether it reads, writes or is
 * an administrative action (writes and admin stop while billing is past due). Each tool and
 * endpoint is exactly one capability (workspace-access-agreement.test.ts checks).
 */
export interface Capability {
  id: string;
  scope: Scope;
  permission: Permission | null;
  access: "read" | "write" | "admin";
  area: string;
  text: string;
  /** A role without all of `unless` gets the narrower version, e.g. only their own time. */
  narrower: { unless: readonly Permission[]; text: string } | null;
}

type Declared = Pick<Capability, "scope" | "permission" | "access"> & Partial<Pick<Capability, "id" | "area" | "text" | "narrower">>;

/** Words default to the scope's own description (scope-descriptions.ts). */
function declare(c: Declared): Capability {
  const described = describeScope(c.scope);
  return { id: c.scope, area: described.area, text: described.text, narrower: null, ...c };
}

export const CAPABILITIES: readonly Capability[] = [
  declare({ scope: "profile:read", permission: null, access: "read" }),
  declare({ scope: "billing:read", permission: "billing:read", access: "read" }),
  declare({ scope: "tasks:read", permission: "tasks:read", access: "read" }),
  declare({ scope: "tasks:write", permission: "tasks:write", access: "write" }),
  declare({ scope: "time:read", permission: "time:read_own", access: "read", narrower: { unless: ["time:read_all"], text: "See your own time entries" } }),
  declare({ scope: "time:write", permission: "time:write_own", access: "write", narrower: { unless: ["time:write_all"], text: "Add and change your own time entries" } }),
  declare({
    id: "time:delete",
    scope: "hourbook:admin",
    permission: "time:write_own",
    access: "admin",
    area: "Time",
    text: "Delete time entries",
    narrower: { unless: ["time:write_all"], text: "Delete your own time entries" },
  }),
  declare({ scope: "clients:read", permission: "clients:read", access: "read" }),
  declare({ scope: "clients:write", permission: "clients:write", access: "write" }),
  declare({ scope: "projects:read", permission: "projects:read", access: "read" }),
  declare({ scope: "projects:write", permission: "projects:write", access: "write" }),
  declare({ scope: "tags:read", permission: "tags:read", access: "read" }),
  declare({ scope: "tags:write", permission: "tags:write", access: "write" }),
  declare({ scope: "rules:read", permission: "rules:read", access: "read" }),
  declare({ scope: "rules:write", permission: "rules:write", access: "write" }),
  declare({ scope: "invoices:read", permission: "invoices:read", access: "read" }),
  declare({ scope: "invoices:write", permission: "invoices:write", access: "write", text: "Create invoice drafts" }),
  declare({ id: "payments:write", scope: "invoices:write", permission: "payments:write", access: "write", text: "Record payments" }),
  declare({ scope: "invoices:send", permission: "invoices:send", access: "write" }),
  declare({ id: "invoices:void", scope: "hourbook:admin", permission: "invoices:void", access: "admin", area: "Invoices", text: "Void invoices" }),
  declare({ id: "invoices:credit", scope: "hourbook:admin", permission: "invoices:credit", access: "admin", area: "Invoices", text: "Issue credit notes" }),
  declare({ id: "payments:remove", scope: "hourbook:admin", permission: "payments:remove", access: "admin", area: "Invoices", text: "Remove recorded payments" }),
  declare({
    scope: "reports:read",
    permission: "reports:read_own",
    access: "read",
    // Revenue and unbilled reports need billing:read; without time:read_all only one's own time counts.
    narrower: { unless: ["billing:read", "time:read_all"], text: "Run time reports on your own time" },
  }),
  declare({ scope: "settings:read", permission: "settings:read", access: "read" }),
  declare({ scope: "settings:write", permission: "workspace:manage", access: "write" }),
];

/** Why a capability cannot be used now, in the order the live check meets them. */
export type Blocker =
  | { kind: "workspace"; refusal: AccessRefusal }
  | { kind: "policy"; maxAccess: AccessLevel }
  | { kind: "role"; role: Role }
  | { kind: "billing" };

export interface CapabilityAccess {
  capability: Capability;
  /** null: usable now. */
  blocker: Blocker | null;
  /** Usable, but only the narrower version for this role. */
  narrowed: boolean;
}

export interface EffectiveAccess {
  /** Why the app may not connect to this workspace at all, or null. */
  refusal: AccessRefusal | null;
  /** The scopes left after the workspace's highest allowed access: what a grant or token may use. */
  scopes: Scope[];
  /** Why writes are refused right now (billing), or null. */
  writeRefusal: string | null;
  /** Every capability the scopes ask for, in catalogue order, with what stops it now. */
  capabilities: CapabilityAccess[];
}

export interface AccessQuestion {
  /** Requested (consent) or granted (a token's) scopes. */
  scopes: readonly Scope[];
  role: Role;
  workspace: WorkspaceFacts;
  client: ClientFacts;
}

export function effectiveAccess({ scopes, role, workspace, client }: AccessQuestion): EffectiveAccess {
  const refusal = integrationAccessRefusal(workspace, client);
  const allowed = capToAccessLevel(scopes, workspace.maxAccess);
  const writesStopped = !billingAllowsWrites(workspace.billingState);

  function blockerOf(c: Capability): Blocker | null {
    if (refusal) return { kind: "workspace", refusal };
    if (!scopesAllow(allowed, c.scope)) return { kind: "policy", maxAccess: workspace.maxAccess };
    if (c.permission && !roleAllows(role, c.permission)) return { kind: "role", role };
    if (c.access !== "read" && writesStopped) return { kind: "billing" };
    return null;
  }

  return {
    refusal,
    scopes: allowed,
    writeRefusal: writesStopped ? BILLING_WRITE_REFUSAL : null,
    capabilities: CAPABILITIES.filter((c) => scopesAllow(scopes, c.scope)).map((capability) => {
      const blocker = blockerOf(capability);
      const narrowed = !blocker && Boolean(capability.narrower?.unless.some((p) => !roleAllows(role, p)));
      return { capability, blocker, narrowed };
    }),
  };
}

/** The capabilities usable now. */
export function usableCapabilities(access: EffectiveAccess): CapabilityAccess[] {
  return access.capabilities.filter((c) => !c.blocker);
}
