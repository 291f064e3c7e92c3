import { z } from "zod";
import { formatMoney } from "@/lib/domain/money";
import { getWorkspace as loadWorkspaceView } from "@/lib/domain/workspaces/get-workspace";
import { defineTool, READ_ONLY } from "../tool";

export const getWorkspace = defineTool({
  name: "get_workspace",
  title: "Workspace details",
  description: "The connected workspace: name, plan, billing state, currency, time zone, default hourly rate, invoice numbering and payment terms.",
  scope: "profile:read",
  permission: null,
  access: "read",
  input: z.object({}),
  output: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    plan: z.string(),
    billing_state: z.string(),
    public_api_access: z.boolean(),
    currency: z.string(),
    time_zone: z.string(),
    default_hourly_rate: z.number().int(),
    payment_terms_days: z.number().int(),
    invoice_prefix: z.string(),
    role: z.string(),
  }),
  annotations: READ_ONLY,
  run: ({ actor }) => loadWorkspaceView(actor),
  render: (w) => `${w.name} (${w.plan} plan, ${w.currency}, ${w.time_zone}); default rate ${formatMoney(w.default_hourly_rate, w.currency)}/h.`,
});
