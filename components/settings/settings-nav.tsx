import { CurrentPageNav } from "@/components/ui/current-page-nav";

/** The workspace settings sections as tabs. */
export function SettingsNav({ basePath }: { basePath: string }) {
  const items = [
    { href: `${basePath}/general`, label: "General" },
    { href: `${basePath}/integrations`, label: "Integrations" },
    { href: `${basePath}/members`, label: "Members" },
    { href: `${basePath}/billing`, label: "Billing" },
    { href: `${basePath}/audit-log`, label: "Audit log" },
  ];
  return <CurrentPageNav label="Settings" look="tabs" className="mb-6 border-b border-slate-200" items={items} />;
}
