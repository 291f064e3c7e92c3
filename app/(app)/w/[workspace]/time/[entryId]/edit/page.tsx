import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EntryActions } from "@/components/time/entry-actions";
import { TimeEntryForm } from "@/components/time/time-entry-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { formatIsoDate, localDateOf, localTimeOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { isDomainError } from "@/lib/domain/errors";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { listTags } from "@/lib/domain/tags/list-tags";
import { listTasks } from "@/lib/domain/tasks/list-tasks";
import { getTimeEntry } from "@/lib/domain/time-entries/get-time-entry";
import { timePageHref } from "@/lib/web/time-links";
import { deleteTimeEntryAction, updateTimeEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Edit time entry" };

export default async function EditTimeEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; entryId: string }>;
  searchParams: Promise<{ member?: string | string[] }>;
}) {
  const { workspace: slug, entryId } = await params;
  const { member: rawMember } = await searchParams;
  const returnMember = typeof rawMember === "string" ? rawMember : undefined;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const entry = await getTimeEntry(actor, entryId).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });

  const timeZone = workspace.timeZone;
  const date = localDateOf(entry.startedAt, timeZone);
  const backHref = timePageHref(slug, { week: date, member: returnMember });
  const isOwn = entry.member.id === actor.membershipId;
  const description = (
    <>
      {formatDuration(entry.durationSeconds)} on {entry.project.name} · {entry.client.name}, {formatIsoDate(date, "EEEE d MMMM yyyy")} at {localTimeOf(entry.startedAt, timeZone)}
      {isOwn ? null : <> — tracked by {entry.member.name}</>}
    </>
  );

  if (entry.invoice) {
    return (
      <>
        <PageHeader title="Edit time entry" description={description} />
        <div className="max-w-3xl space-y-4">
          <Alert tone="warning" title="This entry is invoiced" testId="entry-locked">
            It is billed on invoice {entry.invoice.label}, so it cannot be edited or deleted. Void that invoice first if the time was wrong; the entry then becomes
            editable and billable again.
          </Alert>
          <div className="flex gap-3">
            <ButtonLink href={backHref} variant="secondary">
              Back to the week
            </ButtonLink>
            {can(actor, "invoices:read") ? (
              <ButtonLink href={`/w/${slug}/invoices/${entry.invoice.id}`} variant="ghost">
                Open {entry.invoice.label}
              </ButtonLink>
            ) : null}
          </div>
        </div>
      </>
    );
  }

  const [projects, tasks, tags] = await Promise.all([listProjects(actor, { includeArchived: true }), listTasks(actor), listTags(actor)]);
  // Archived projects cannot take time, but the entry's own project stays selectable so the form shows it.
  const usable = projects.filter((p) => !p.archived || p.id === entry.project.id);

  return (
    <>
      <PageHeader title="Edit time entry" description={description} />
      <div className="max-w-4xl space-y-6">
        <Card>
          <TimeEntryForm
            mode="edit"
            action={updateTimeEntryAction.bind(null, slug, entry.id)}
            projects={usable.map((p) => ({ id: p.id, name: p.name, clientName: p.client.name, billableByDefault: p.billableByDefault }))}
            tasks={tasks.map((t) => ({ id: t.id, name: t.name, projectId: t.project.id, billable: t.billable, done: t.status === "done" }))}
            tags={tags.map((t) => ({ id: t.id, name: t.name }))}
            defaults={{
              date,
              startTime: localTimeOf(entry.startedAt, timeZone),
              duration: formatDuration(entry.durationSeconds),
              projectId: entry.project.id,
              taskId: entry.task?.id ?? "",
              description: entry.description,
              billable: entry.billable,
              tagIds: entry.tags.map((t) => t.id),
              membershipId: entry.member.id,
            }}
            cancelHref={backHref}
            returnMember={returnMember}
          />
        </Card>
        <Card title="Delete this entry" description="Deleting cannot be undone.">
          <EntryActions
            standalone
            entryId={entry.id}
            summary={`${formatDuration(entry.durationSeconds)} on ${entry.project.name}`}
            deleteAction={deleteTimeEntryAction.bind(null, slug)}
            returnWeek={date}
            returnMember={returnMember}
          />
        </Card>
      </div>
    </>
  );
}
