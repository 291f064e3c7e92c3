import type { Metadata } from "next";
import Link from "next/link";
import { DeveloperAppTable } from "@/components/developer-apps/developer-app-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDeveloperApps } from "@/lib/domain/developer-apps/list-developer-apps";
import { param, type SearchParams } from "@/lib/web/search-params";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";

export const metadata: Metadata = { title: "Developer apps" };

export default async function DeveloperAppsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const deleted = param(await searchParams, "deleted");
  const apps = await listDeveloperApps(user);
  const newApp = <ButtonLink href="/developers/apps/new">New app</ButtonLink>;

  return (
    <>
      <PageHeader
        title="Developer apps"
        description="OAuth clients you register to build on Hourbook: your scripts and services on the REST API, or AI assistants on the MCP server."
        actions={newApp}
      />
      <div className="space-y-6">
        {deleted ? (
          <Alert tone="success" testId="app-deleted">
            {deleted} is deleted. Every connection it held has ended.
          </Alert>
        ) : null}
        {apps.length ? (
          <Card>
            <div className="-mx-5 -my-4">
              <DeveloperAppTable apps={apps} timeZone={await viewerTimeZone()} />
            </div>
          </Card>
        ) : (
          <EmptyState title="No developer apps yet" action={newApp}>
            Register an app to get a client ID, then send people through the authorization code flow with PKCE to connect it to one of their workspaces.
          </EmptyState>
        )}
        <p className="text-sm text-slate-500">
          Endpoints and discovery documents: see{" "}
          <Link href="/developers" className="font-medium text-indigo-700 hover:underline">
            Build on Hourbook
          </Link>
          .
        </p>
      </div>
    </>
  );
}
