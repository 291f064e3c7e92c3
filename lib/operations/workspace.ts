/** Who is connected, and the workspace the connection is bound to. */
import { z } from "zod";
import { notFound } from "@/lib/domain/errors";
import { getActiveUser } from "@/lib/domain/users/get-active-user";
import { getWorkspace as getWorkspaceInDomain } from "@/lib/domain/workspaces/get-workspace";
import { getWorkspaceSettings as getWorkspaceSettingsInDomain } from "@/lib/domain/workspaces/get-workspace-settings";
import { updateWorkspaceSettings as updateWorkspaceSettingsInDomain } from "@/lib/domain/workspaces/update-workspace-settings";
import { domainNamed } from "@/lib/integrations/wire";
import { WorkspaceSettingsOut, WorkspaceSettingsWithDetailsOut } from "@/lib/integrations/wire-schemas";
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
  name: "get_workspace_settings",
  title: "The workspace's settings",
  description:
    "Owners and admins. Name, plan and billing state, currency, time zone, default hourly rate, payment terms, invoice and credit note prefixes and paper size of the connected workspace, and the business details invoices print as the seller: legal name, address, tax ID, contact email, payment instructions and logo.",
  scope: "settings:read", permission: "settings:read", effect: "read",
  input: z.object({}),
  output: WorkspaceSettingsWithDetailsOut,
  run: ({ actor }) => getWorkspaceSettingsInDomain(actor),
});

export const updateWorkspaceSettings = defineOperation({
  name: "update_workspace_settings",
  title: "Change the workspace's settings",
  description:
    "Owners only. Fields left out stay as they are; \"\" clears a business detail. The currency cannot change once time or invoices are recorded, the invoice prefix once an invoice has been sent, the credit note prefix once a credit note exists. A new default rate applies to time tracked from now on. Business details apply to drafts and invoices sent from now on: a sent invoice keeps the details it was sent with.",
  scope: "settings:write", permission: "workspace:manage", effect: "updating",
  input: z.object({
    name: name.optional().describe("The workspace's name"),
    currency: z.string().min(3).max(3).optional().describe("ISO 4217 code such as EUR"),
    time_zone: z.string().min(1).max(64).optional().describe("IANA time zone such as Europe/London"),
    default_hourly_rate: hourlyRate.optional().describe("Minor units per hour when no rule or project rate applies"),
    payment_terms_days: z.int().min(0).max(365).optional().describe("Days from issue to due date on new invoices, 0–365"),
    invoice_prefix: z.string().max(12).optional().describe("Up to 12 letters, digits or - _ / . #, e.g. INV-"),
    credit_note_prefix: z.string().max(12).optional().describe("Up to 12 letters, digits or - _ / . #, e.g. CN-"),
    paper_size: z.enum(["a4", "letter"]).optional().describe("Paper size of invoice PDFs"),
    legal_name: z.string().max(200).optional().describe('The registered name printed on invoices, one line; "" prints the workspace name'),
    address: z.string().max(1_000).optional().describe("Postal address, one line per line (at most 8 lines, 500 characters)"),
    tax_id: z.string().max(40).optional().describe("VAT number, GST/ABN, EIN…: letters, digits, spaces and - . /"),
    contact_email: z.string().max(254).optional().describe('An email address printed on invoices, or ""'),
    payment_instructions: z.string().max(2_000).optional().describe("Bank details or other instructions, at most 12 lines and 1,000 characters"),
  }),
  output: WorkspaceSettingsWithDetailsOut,
  run: ({ actor }, input) => updateWorkspaceSettingsInDomain(actor, domainNamed(input)),
});
