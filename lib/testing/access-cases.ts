/**
 * The table of effective-access cases — role × plan/billing × policy × scopes — that
 * effective-access.test.ts checks answer by answer and workspace-access-agreement.test.ts
 * replays through the consent page and the live MCP check, which must agree on every row.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import type { AccessRefusal } from "@/lib/domain/integrations/integration-access";
import type { WorkspaceFacts } from "@/lib/domain/integrations/workspace-facts";
import type { Blocker } from "@/lib/oauth/effective-access";

export interface AccessCase {
  name: string;
  role: Role;
  /** Changes to an open workspace: active membership, pro plan, billing active, API on, any app, admin access. */
  workspace: Partial<WorkspaceFacts>;
  scopes: string;
  /** Capability ids usable now. */
  usable: string[];
  /** Of those, the ones usable only in the role's narrower version (own time). */
  narrowed?: string[];
  /** Capability ids asked for but not usable now, and what stops each. */
  blocked: Record<string, Blocker["kind"]>;
  refusal?: AccessRefusal;
}

export const OPEN_WORKSPACE: WorkspaceFacts = {
  membershipStatus: "active",
  plan: "pro",
  publicApiAccess: true,
  billingState: "active",
  clientPolicy: "any",
  allowedHosts: [],
  maxAccess: "admin",
};

const READ = ["profile:read", "billing:read", "tasks:read", "time:read", "clients:read", "projects:read", "tags:read", "rules:read", "invoices:read", "reports:read"];
const WRITE = ["tasks:write", "time:write", "clients:write", "projects:write", "tags:write", "rules:write", "invoices:write", "payments:write", "invoices:send"];
const ADMIN = ["time:delete", "invoices:void", "invoices:credit", "payments:remove"];
const MEMBER_READ = ["profile:read", "tasks:read", "time:read", "clients:read", "projects:read", "tags:read", "reports:read"];
const MEMBER_WRITE = ["tasks:write", "time:write", "tags:write"];
const not = (all: string[], some: string[]) => all.filter((id) => !some.includes(id));
const each = (ids: string[], kind: Blocker["kind"]) => Object.fromEntries(ids.map((id) => [id, kind]));

const READ_WRITE = "hourbook:read hourbook:write";
const refused = (name: string, workspace: Partial<WorkspaceFacts>, refusal: AccessRefusal): AccessCase => ({
  name,
  role: "owner",
  workspace,
  scopes: READ_WRITE,
  usable: [],
  blocked: each([...READ, ...WRITE], "workspace"),
  refusal,
});

export const ACCESS_CASES: AccessCase[] = [
  { name: "an owner of an open pro workspace can use everything asked for", role: "owner", workspace: {}, scopes: `${READ_WRITE} hourbook:admin`, usable: [...READ, ...WRITE, ...ADMIN], blocked: {} },
  {
    name: "a member (Grace in Lovelace Studio) is not promised invoices, billing rules or the Billing Hub",
    role: "member",
    workspace: {},
    scopes: READ_WRITE,
    usable: [...MEMBER_READ, ...MEMBER_WRITE],
    narrowed: ["time:read", "time:write", "reports:read"],
    blocked: each([...not(READ, MEMBER_READ), ...not(WRITE, MEMBER_WRITE)], "role"),
  },
  {
    name: "a past-due workspace (Hopper Labs) lets an owner read and stops every write until billing is fixed",
    role: "owner",
    workspace: { billingState: "past_due" },
    scopes: READ_WRITE,
    usable: READ,
    blocked: each(WRITE, "billing"),
  },
  {
    name: "a member of a past-due workspace is stopped by the role first, then by billing",
    role: "member",
    workspace: { billingState: "past_due" },
    scopes: READ_WRITE,
    usable: MEMBER_READ,
    narrowed: ["time:read", "reports:read"],
    blocked: { ...each([...not(READ, MEMBER_READ), ...not(WRITE, MEMBER_WRITE)], "role"), ...each(MEMBER_WRITE, "billing") },
  },
  { name: "a read-only policy leaves an admin the reads", role: "admin", workspace: { maxAccess: "read" }, scopes: READ_WRITE, usable: READ, blocked: each(WRITE, "policy") },
  { name: "a read-and-write policy stops administrative actions", role: "owner", workspace: { maxAccess: "write" }, scopes: `${READ_WRITE} hourbook:admin`, usable: [...READ, ...WRITE], blocked: each(ADMIN, "policy") },
  {
    name: "a read-only policy is named before past-due billing",
    role: "owner",
    workspace: { maxAccess: "read", billingState: "past_due" },
    scopes: READ_WRITE,
    usable: READ,
    blocked: each(WRITE, "policy"),
  },
  {
    name: "a member may delete their own time entries but not void invoices",
    role: "member",
    workspace: {},
    scopes: "time:read time:write hourbook:read hourbook:write hourbook:admin",
    usable: [...MEMBER_READ, ...MEMBER_WRITE, "time:delete"],
    narrowed: ["time:read", "time:write", "reports:read", "time:delete"],
    blocked: each([...not(READ, MEMBER_READ), ...not(WRITE, MEMBER_WRITE), "invoices:void", "invoices:credit", "payments:remove"], "role"),
  },
  {
    name: "a member asking only for invoices can use nothing",
    role: "member",
    workspace: {},
    scopes: "invoices:read invoices:write invoices:send",
    usable: [],
    blocked: each(["invoices:read", "invoices:write", "payments:write", "invoices:send"], "role"),
  },
  { name: "an admin's fine scopes cover all the workspace's time", role: "admin", workspace: {}, scopes: "time:read time:write reports:read", usable: ["time:read", "time:write", "reports:read"], blocked: {} },
  {
    // The settings carry the business details (bank details among them): owners and admins read them.
    name: "a member may neither read nor change the workspace settings",
    role: "member",
    workspace: {},
    scopes: "settings:read settings:write",
    usable: [],
    blocked: { "settings:read": "role", "settings:write": "role" },
  },
  refused("the free plan refuses the app altogether", { plan: "free" }, "plan_without_api"),
  refused("API access turned off refuses the app altogether", { publicApiAccess: false }, "api_access_off"),
  refused("a canceled subscription refuses the app altogether", { billingState: "canceled" }, "billing_canceled"),
  refused("an inactive membership refuses the app altogether", { membershipStatus: "inactive" }, "membership_inactive"),
  refused("a developer-apps-only policy refuses a self-registered app", { clientPolicy: "developer_apps" }, "client_not_allowed"),
];

/** The app every case asks for: registered dynamically, redirecting to the loopback address. */
export const DYNAMIC_CLIENT = { kind: "dynamic" as const, hosts: ["127.0.0.1"] };
