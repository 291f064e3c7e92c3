import { z } from "zod";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { updateWorkspaceSettings } from "@/lib/domain/workspaces/update-workspace-settings";
import { defineEndpoint } from "../endpoint";
import { WorkspaceSettingsOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { HourlyRate, Name } from "./params";

export const getWorkspaceSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspace/settings",
  operationId: "getWorkspaceSettings",
  summary: "The workspace's settings",
  description: "Name, plan and billing state, currency, time zone, default hourly rate, payment terms and invoice prefix of the token's workspace.",
  tag: "Workspace",
  scope: "settings:read",
  permission: null,
  access: "read",
  query: z.strictObject({}),
  response: WorkspaceSettingsOut,
  handle: ({ actor }) => getWorkspace(actor),
});

export const updateWorkspaceSettingsEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspace/settings",
  operationId: "updateWorkspaceSettings",
  summary: "Change the workspace's settings",
  description:
    "Owners only. Fields left out stay as they are. The currency cannot change once time or invoices are recorded, and the invoice prefix cannot change once an invoice has been sent. A new default rate applies to time tracked from now on.",
  tag: "Workspace",
  scope: "settings:write",
  permission: "workspace:manage",
  access: "write",
  body: z.strictObject({
    name: Name.optional().describe("The workspace's name"),
    currency: z.string().min(3).max(3).optional().describe("ISO 4217 code such as EUR"),
    time_zone: z.string().min(1).max(64).optional().describe("IANA time zone such as Europe/London"),
    default_hourly_rate: HourlyRate.optional().describe("Minor units per hour when no rule or project rate applies"),
    payment_terms_days: z.int().min(0).max(365).optional().describe("Days from issue to due date on new invoices, 0–365"),
    invoice_prefix: z.string().max(12).optional().describe("Up to 12 letters, digits or - _ / . #, e.g. INV-"),
  }),
  response: WorkspaceSettingsOut,
  handle: ({ actor }, { body }) =>
    requestFields(
      "body",
      updateWorkspaceSettings(actor, {
        name: body.name,
        currency: body.currency,
        timeZone: body.time_zone,
        defaultHourlyRate: body.default_hourly_rate,
        paymentTermsDays: body.payment_terms_days,
        invoicePrefix: body.invoice_prefix,
      }),
    ),
});
