import type { Metadata } from "next";
import Link from "next/link";
import { DisableAccountForm } from "@/components/account/disable-account-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUserConnections } from "@/lib/domain/connections/list-user-connections";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";
import { disableOwnAccountAction } from "./actions";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", member: "Member" } as const;

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [workspaces, connections] = await Promise.all([listUserWorkspaces(user.id), listUserConnections(user.id)]);

  return (
    <>
      <PageHeader title="Account" description="Who you are in Hourbook, and the workspaces you belong to." />
      <div className="space-y-6">
        <Card title="Profile">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-500">Name</dt>
            <dd className="font-medium text-slate-900">{user.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd className="text-slate-900">{user.email}</dd>
            <dt className="text-slate-500">Connected apps</dt>
            <dd className="text-slate-900">
              {connections.length}{" "}
              <Link href="/account/integrations" className="font-medium text-indigo-700 underline">
                Manage integrations
              </Link>
            </dd>
          </dl>
        </Card>
        <Card title="Workspaces">
          {workspaces.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {workspaces.map((w) => (
                <li key={w.slug} className="flex items-center justify-between py-2">
                  <Link href={`/w/${w.slug}/time`} className="font-medium text-slate-900 hover:underline">
                    {w.name}
                  </Link>
                  <Badge tone={w.role === "member" ? "gray" : "indigo"}>{ROLE_LABELS[w.role]}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">You have no active workspace memberships.</p>
          )}
        </Card>
        <Card title="Disable my account" description="Stops all access at once: yours on the web and every app you connected.">
          <DisableAccountForm action={disableOwnAccountAction} connectionCount={connections.length} />
        </Card>
      </div>
    </>
  );
}
