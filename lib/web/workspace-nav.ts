import { can, type Actor } from "@/lib/domain/actor";

export interface NavItem {
  href: string;
  label: string;
  /** A count shown beside the label (e.g. approvals waiting), and what it counts, for screen readers. */
  badge?: { count: number; label: string };
}

/** The sections of a workspace this member can use; hidden ones would only refuse. */
export function workspaceNav(slug: string, actor: Actor): NavItem[] {
  const base = `/w/${slug}`;
  const items: Array<NavItem & { show: boolean }> = [
    { href: `${base}/time`, label: "Time", show: true },
    { href: `${base}/timesheet`, label: "Timesheet", show: true },
    { href: `${base}/clients`, label: "Clients & projects", show: can(actor, "clients:read") },
    { href: `${base}/tasks`, label: "Tasks", show: can(actor, "tasks:read") },
    { href: `${base}/invoices`, label: "Invoices", show: can(actor, "invoices:read") },
    { href: `${base}/billing-hub`, label: "Billing Hub", show: can(actor, "billing:read") },
    { href: `${base}/reports`, label: "Reports", show: true },
    { href: `${base}/rules`, label: "Billing rules", show: can(actor, "rules:read") },
    { href: `${base}/settings`, label: "Settings", show: can(actor, "members:manage") },
  ];
  return items.filter((i) => i.show).map(({ href, label }) => ({ href, label }));
}

/** Pages about the signed-in person, shown under their name in every layout, with the approvals waiting for them. */
export function accountNav(pendingApprovals: number): NavItem[] {
  return [
    { href: "/account/approvals", label: "Approvals", ...(pendingApprovals ? { badge: { count: pendingApprovals, label: "waiting for you" } } : {}) },
    ...ACCOUNT_PAGES,
  ];
}

const ACCOUNT_PAGES: NavItem[] = [
  { href: "/account/integrations", label: "Integrations" },
  { href: "/developers/apps", label: "Developer apps" },
  { href: "/developers/api", label: "API reference" },
  { href: "/account", label: "Account" },
];
