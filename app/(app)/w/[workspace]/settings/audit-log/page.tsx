import { readableMessage } from "@/lib/web/field-error";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditLogFilters } from "@/components/settings/audit-log-filters";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/domain/audit/list-audit-events";
import { listAuditFilterOptions } from "@/lib/domain/audit/list-audit-filter-options";
import { attempt } from "@/lib/web/domain-result";
import { param, queryString, type SearchParams } from "@/lib/web/search-params";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";

export const metadata: Metadata = { title: "Audit log · Settings" };

const PAGE_SIZE = 25;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const query = await searchParams;
  const cursor = param(query, "cursor");
  const filter = { who: param(query, "who"), what: param(query, "what"), from: param(query, "from"), to: param(query, "to") };
  const filtered = Object.values(filter).some(Boolean);
  const basePath = `/w/${slug}/settings/audit-log`;

  const options = await attempt(() => listAuditFilterOptions(actor));
  if (!options.ok) return <RefusedNotice title="The audit log is for owners and admins" message={options.error.message} />;
  const result = await attempt(() => listAuditEvents(actor, { filter, cursor, limit: PAGE_SIZE }));
  const filters = (
    <AuditLogFilters
      options={options.value}
      values={filter}
      timeZone={workspace.timeZone}
      action={basePath}
      exportHref={`${basePath}/export${queryString(filter)}`}
      // The domain keys the filter's fields "filter.from" and so on; the form's fields are "from"…
      errors={result.ok ? {} : Object.fromEntries(Object.entries(result.error.fieldErrors).map(([key, message]) => [key.replace(/^filter\./, ""), message]))}
    />
  );
  if (!result.ok) {
    if (result.error.code === "forbidden") return <RefusedNotice title="The audit log is for owners and admins" message={result.error.message} />;
    return (
      <div className="space-y-4">
        {filters}
        <Alert tone="error" testId="audit-log-error">
          {readableMessage(result.error)}{" "}
          <Link href={basePath} className="font-medium underline">
            Show the newest events
          </Link>
        </Alert>
      </div>
    );
  }
  const { events, nextCursor } = result.value;

  return (
    <div className="space-y-4">
      {filters}
      {events.length ? (
        <Card
          title="Audit log"
          description="Member and invitation changes, invoices sent and voided, payments and credit notes, billing rules, connections, settings, and confirmed AI assistant actions."
        >
          <div className="-mx-5 -my-4">
            <AuditLogTable events={events} timeZone={await viewerTimeZone(workspace.timeZone)} />
          </div>
        </Card>
      ) : (
        <EmptyState title={cursor ? "No older events" : filtered ? "Nothing matches these filters" : "Nothing recorded yet"}>
          {filtered ? "Widen the dates or choose Anyone / Everything." : "Events appear here as people are invited, invoices are sent and settings change."}
        </EmptyState>
      )}
      {cursor || nextCursor ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {cursor ? (
            <ButtonLink variant="secondary" size="sm" href={`${basePath}${queryString(filter)}`}>
              ← Newest
            </ButtonLink>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <ButtonLink variant="secondary" size="sm" href={`${basePath}${queryString({ ...filter, cursor: nextCursor })}`}>
              Older events →
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
