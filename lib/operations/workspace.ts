/** Who is connected, and the workspace the connection is bound to. */
import { z } from "zod";
import { notFound } from "@/lib/domain/errors";
import { getActiveUser } from "@/lib/domain/users/get-active-user";
import { getWorkspace as getWorkspaceInDomain } from "@/lib/domain/workspaces/get-workspace";
import { updateWorkspaceSettings as updateWorkspaceSettingsInDomain } from "@/lib/domain/workspaces/update-workspace-settings";
import { domainNamed } from "@/lib/integrations/wire";
import { WorkspaceSettingsOut } from "@/lib/integrations/wire-schemas";
import { hourlyRate, name } from "./fields";
import { defineOperation } from "./operation";

const ROLE = z.enum(["owner", "admin", "member"]);

export const getProfile = defineOperation({
  name: "get_profile",
  title: "Who am I",
  description:
    "The signed-in user behind this connection: name, email, member_id (their member id in the connected workspace, for member_id filters and inputs), role there, the workspace, and the access this connection was granted.",
  scope: "profile:read", permission: null, effect: "read",
  input: z.object({}),
  output: z.object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    // Also at the top: get_profile has always answered with them there.
    name: z.string(),
    email: z.string(),
    member_id: z.string().describe("Your member id in this workspace (member.id on time entries, the member_id filter)"),
    role: ROLE,
    workspace: z.object({ id: z.string(), slug: z.string(), name: z.string(), currency: z.string(), time_zone: z.string() }),
    scopes: z.array(z.string()),
  }),
  async run({ actor, connection }) {
    const [user, workspace] = await Promise.all([getActiveUser(actor.userId), getWorkspaceInDomain(actor)]);
    if (!user) throw notFound("User");
    return {
      user,
      name: user.name,
      email: user.email,
      memberId: actor.membershipId,
      role: actor.role,
      workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, currency: workspace.currency, timeZone: workspace.timeZone },
      scopes: connection.scopes,
    };
  },
});

export const getWorkspace = defineOperation({
  name: "get_workspace",
  title: "Workspace details",
  description:
    "The connected workspace, which every connection may read: name, plan, billing state, currency, time zone, default hourly rate, invoice numbering and payment terms, and your role there.",
  scope: "profile:read", permission: null, effect: "read",
  input: z.object({}),
  output: WorkspaceSettingsOut.extend({ role: ROLE.describe("Your role in this workspace") }),
  run: ({ actor }) => getWorkspaceInDomain(actor),
});

export const getWorkspaceSettings = defineOperation({
  ...getWorkspace,
  name: "get_workspace_settings",
  title: "The workspace's settings",
  description: "Name, plan and billing state, currency, time zone, default hourly rate, payment terms and invoice prefix of the connected workspace.",
  scope: "settings:read",
  output: WorkspaceSettingsOut,
});

export const updateWorkspaceSettings = defineOperation({
  name: "update_workspace_settings",
  title: "Change the workspace's settings",
  description:
    "Owners only. Fields left out stay as they are. The currency cannot change once time or invoices are recorded, and the invoice prefix cannot change once an invoice has been sent. A new default rate applies to time tracked from now on.",
  scope: "settings:write", permission: "workspace:manage", effect: "updating",
  input: z.object({
    name: name.optional().describe("The workspace's name"),
    currency: z.string().min(3).max(3).optional().describe("ISO 4217 code such as EUR"),
    time_zone: z.string().min(1).max(64).optional().describe("IANA time zone such as Europe/London"),
    default_hourly_rate: hourlyRate.optional().describe("Minor units per hour when no rule or project rate applies"),
    payment_terms_days: z.int().min(0).max(365).optional().describe("Days from issue to due date on new invoices, 0–365"),
    invoice_prefix: z.string().max(12).optional().describe("Up to 12 letters, digits or - _ / . #, e.g. INV-"),
  }),
  output: WorkspaceSettingsOut,
  run: ({ actor }, input) => updateWorkspaceSettingsInDomain(actor, domainNamed(input)),
});
