import type { Metadata } from "next";
import Link from "next/link";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/domain/audit/list-audit-events";
import { attempt } from "@/lib/web/domain-result";
import { param, queryString, type SearchParams } from "@/lib/web/search-params";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";

export const metadata: Metadata = { title: "Audit log · Settings" };

const PAGE_SIZE = 25;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const cursor = param(await searchParams, "cursor");
  const basePath = `/w/${slug}/settings/audit-log`;

  const result = await attempt(() => listAuditEvents(actor, { cursor, limit: PAGE_SIZE }));
  if (!result.ok) {
    if (result.error.code === "forbidden") return <RefusedNotice title="The audit log is for owners and admins" message={result.error.message} />;
    return (
      <Alert tone="error" testId="audit-log-error">
        {result.error.message}{" "}
        <Link href={basePath} className="font-medium underline">
          Show the newest events
        </Link>
      </Alert>
    );
  }
  const { events, nextCursor } = result.value;

  return (
    <div className="space-y-4">
      {events.length ? (
        <Card title="Audit log" description="Connections approved, replaced and revoked, reused tokens, policy, billing and member changes, and confirmed AI assistant actions.">
          <div className="-mx-5 -my-4">
            <AuditLogTable events={events} timeZone={await viewerTimeZone(workspace.timeZone)} />
          </div>
        </Card>
      ) : (
        <EmptyState title={cursor ? "No older events" : "Nothing recorded yet"}>Events appear here as apps are connected and settings change.</EmptyState>
      )}
      {cursor || nextCursor ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {cursor ? (
            <ButtonLink variant="secondary" size="sm" href={basePath}>
              ← Newest
            </ButtonLink>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <ButtonLink variant="secondary" size="sm" href={`${basePath}${queryString({ cursor: nextCursor })}`}>
              Older events →
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
