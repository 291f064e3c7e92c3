/** Plain-language wording of each scope, grouped by area, for the consent and Integrations pages. */
import type { Scope } from "./scopes";

export interface ScopeDescription {
  scope: Scope;
  area: string;
  text: string;
}

const DESCRIPTIONS: Record<Scope, Omit<ScopeDescription, "scope">> = {
  "hourbook:read": { area: "Everything", text: "See everything in the workspace except its settings" },
  "hourbook:write": { area: "Everything", text: "Create and change clients, projects, tasks, tags, time, billing rules and invoices, and send invoices" },
  "hourbook:admin": { area: "Everything", text: "Administrative actions: void invoices and delete time entries" },
  "profile:read": { area: "Profile", text: "See your name, email address and role, and the workspace's basic settings" },
  "billing:read": { area: "Billing", text: "See the Billing Hub: unbilled, outstanding and overdue amounts" },
  "time:read": { area: "Time", text: "See time entries" },
  "time:write": { area: "Time", text: "Add and change time entries" },
  "clients:read": { area: "Clients", text: "See clients" },
  "clients:write": { area: "Clients", text: "Add and change clients" },
  "projects:read": { area: "Projects", text: "See projects and their rates" },
  "projects:write": { area: "Projects", text: "Add and change projects" },
  "tasks:read": { area: "Tasks", text: "See tasks" },
  "tasks:write": { area: "Tasks", text: "Add and change tasks" },
  "tags:read": { area: "Tags", text: "See tags" },
  "tags:write": { area: "Tags", text: "Add tags" },
  "rules:read": { area: "Billing rules", text: "See billing rules (rounding, minimums, rate overrides)" },
  "rules:write": { area: "Billing rules", text: "Add and change billing rules" },
  "invoices:read": { area: "Invoices", text: "See invoices and payments" },
  "invoices:write": { area: "Invoices", text: "Create invoice drafts and record payments" },
  "invoices:send": { area: "Invoices", text: "Mark invoices as sent to your clients" },
  "reports:read": { area: "Reports", text: "Run time, revenue and unbilled reports" },
  "settings:read": { area: "Settings", text: "See workspace settings" },
  "settings:write": { area: "Settings", text: "Change workspace settings" },
};

export function describeScope(scope: Scope): ScopeDescription {
  return { scope, ...DESCRIPTIONS[scope] };
}

/** Scopes grouped by area, areas in first-seen order. */
export function describeScopesByArea(scopes: readonly Scope[]): Array<{ area: string; items: ScopeDescription[] }> {
  const groups = new Map<string, ScopeDescription[]>();
  for (const scope of scopes) {
    const d = describeScope(scope);
    groups.set(d.area, [...(groups.get(d.area) ?? []), d]);
  }
  return [...groups].map(([area, items]) => ({ area, items }));
}
