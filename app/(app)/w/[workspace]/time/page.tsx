import type { Metadata } from "next";
import { DayCard } from "@/components/time/day-card";
import { lockedEntryAdvice } from "@/lib/domain/time-entries/locked-entry-advice";
import { MemberFilter } from "@/components/time/member-filter";
import { TimeEntryForm } from "@/components/time/time-entry-form";
import type { EntryRow } from "@/components/time/types";
import { WeekNav } from "@/components/time/week-nav";
import { Alert } from "@/components/ui/alert";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { firstValue, openWeekPage } from "@/lib/web/open-week-page";
import { can } from "@/lib/domain/actor";
import { formatIsoDate, localDateOf, localTimeOf } from "@/lib/domain/dates";
import { formatDuration, sumAsShown } from "@/lib/domain/durations";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { listTags } from "@/lib/domain/tags/list-tags";
import { listTasks } from "@/lib/domain/tasks/list-tasks";
import { listTimeEntries } from "@/lib/domain/time-entries/list-time-entries";
import { nextStartAfter } from "@/lib/domain/time-entries/suggest-next-start";
import type { TimeEntryView } from "@/lib/domain/time-entries/time-entry-view";
import { memberLabel, otherMembersToShow } from "@/lib/domain/workspaces/list-members";
import { resolveMemberRequest } from "@/lib/web/member-request";
import { timeNotice, timePageHref, timesheetHref } from "@/lib/web/time-links";
import { INVALID_WEEK_NOTICE } from "@/lib/web/week";
import { createTimeEntryAction, deleteTimeEntryAction } from "./actions";
import { TimerCard } from "./timer-card";
import { continueEntryAction } from "../timer-actions";

export const metadata: Metadata = { title: "Time" };

const ALL = "all";

type SearchParams = Promise<{ week?: string | string[]; member?: string | string[]; notice?: string | string[] }>;


export default async function TimePage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: SearchParams }) {
  const { workspace: slug } = await params;
  const query = await searchParams;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const { timeZone, today, week, seesEveryone, members, requestedMember } = await openWeekPage(actor, workspace, query);
  const { member, notice: memberNotice } = resolveMemberRequest({
    requested: requestedMember,
    viewer: actor.membershipId,
    seesEveryone,
    memberIds: members.map((m) => m.id),
    allowAll: true,
    shown: "time",
  });
  const memberParam = member === actor.membershipId ? undefined : member;

  const [entries, projects, tasks, tags] = await Promise.all([
    listWeekEntries(actor, week.from, week.to, member === ALL ? undefined : member),
    listProjects(actor),
    listTasks(actor),
    listTags(actor),
  ]);

  const byDay = new Map<string, TimeEntryView[]>(week.days.map((day) => [day, []]));
  for (const entry of entries) byDay.get(localDateOf(entry.startedAt, timeZone))?.push(entry);
  for (const list of byDay.values()) list.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());

  const total = sum(entries);
  const billable = sum(entries.filter((e) => e.billable));
  const daysWorked = [...byDay.values()].filter((list) => list.length > 0).length;
  const otherMember = member !== ALL && member !== actor.membershipId ? members.find((m) => m.id === member) : undefined;
  const whose = member === ALL ? "Everyone's time" : otherMember ? `${otherMember.name}'s time` : "Your time";

  const href = (week: string | null) => (week === null ? null : timePageHref(slug, { week, member: memberParam }));
  const toRow = (entry: TimeEntryView): EntryRow => ({
    id: entry.id,
    timeRange: `${localTimeOf(entry.startedAt, timeZone)}–${localTimeOf(new Date(entry.startedAt.getTime() + entry.durationSeconds * 1000), timeZone)}`,
    duration: formatDuration(entry.durationSeconds),
    projectName: entry.project.name,
    clientName: entry.client.name,
    taskName: entry.task?.name ?? null,
    description: entry.description,
    tags: entry.tags.map((t) => t.name),
    billable: entry.billable,
    memberName: member === ALL ? (entry.member.id === actor.membershipId ? "You" : entry.member.name) : null,
    canContinue: entry.member.id === actor.membershipId,
    invoice: entry.invoice ? { id: entry.invoice.id, label: entry.invoice.label, locked: lockedEntryAdvice(actor.role, entry.invoice) } : null,
  });

  const canTrackForOthers = can(actor, "time:write_all");
  const trackable = members.filter((m) => m.status === "active");
  const notice = timeNotice(firstValue(query.notice));
  // The add form starts each day of the week where that member's day left off (09:00 when empty).
  const trackedFor = otherMember && otherMember.status === "active" ? otherMember.id : actor.membershipId;
  const nextStarts = Object.fromEntries(
    week.days.flatMap((day) => {
      const next = nextStartAfter(day, (byDay.get(day) ?? []).filter((e) => e.member.id === trackedFor), timeZone);
      return next.date === day ? [[day, next.startTime] as const] : [];
    }),
  );
  const addDate = week.isCurrent ? today : week.from;

  return (
    <>
      <PageHeader
        title="Time"
        description={
          <>
            {whose} for the week of <span className="font-medium text-slate-700">{formatIsoDate(week.start, "d MMMM yyyy")}</span> –{" "}
            {formatIsoDate(week.end, "d MMMM yyyy")} <span className="text-slate-500">({timeZone})</span>
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink href={timesheetHref(slug, { week: week.from, member: member === ALL ? undefined : memberParam })} variant="secondary" size="sm">
              Week timesheet
            </ButtonLink>
            <WeekNav previousHref={href(week.previous)} currentHref={timePageHref(slug, { member: memberParam })} nextHref={href(week.next)} isCurrent={week.isCurrent} />
          </div>
        }
      />

      <div className="space-y-6">
        {notice ? (
          <Alert tone="success" testId="time-notice">
            {notice}
          </Alert>
        ) : null}
        {week.invalidRequest ? <Alert tone="warning">{INVALID_WEEK_NOTICE}</Alert> : null}
        {memberNotice ? (
          <Alert tone="warning" testId="member-notice">
            {memberNotice}
          </Alert>
        ) : null}

        {seesEveryone && members.length > 1 ? (
          <MemberFilter
            options={[
              { label: "Me", value: actor.membershipId },
              ...otherMembersToShow(members, actor).map((m) => ({ label: memberLabel(m), value: m.id })),
              { label: "Everyone", value: ALL },
            ].map((o) => ({ label: o.label, current: o.value === member, href: timePageHref(slug, { week: week.from, member: o.value === actor.membershipId ? undefined : o.value }) }))}
          />
        ) : null}

        <p className="flex justify-end">
          {/* The week and member shown, as a streamed CSV (time/export.csv); the member is always named ("all" for everyone). */}
          <a
            href={`/w/${slug}/time/export.csv?${new URLSearchParams({ from: week.from, to: week.to, member })}`}
            download
            className={buttonClasses("secondary", "sm")}
            data-testid="time-csv"
          >
            Download this week as CSV
          </a>
        </p>

        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Stat label="Week total" value={formatDuration(total)} detail={`${entries.length} ${entries.length === 1 ? "entry" : "entries"} on ${daysWorked} ${daysWorked === 1 ? "day" : "days"}`} />
          <Stat label="Billable" value={formatDuration(billable)} tone="good" detail={total ? `${Math.round((billable / total) * 100)}% of tracked time` : "Nothing tracked yet"} />
          <Stat label="Non-billable" value={formatDuration(total - billable)} />
        </dl>

        <TimerCard slug={slug} actor={actor} projects={projects} tasks={tasks} tags={tags} />

        <Card title="Add time" description={projects.length ? undefined : "Add a client and a project first; time is always tracked on a project."}>
          <TimeEntryForm
            mode="create"
            action={createTimeEntryAction.bind(null, slug)}
            projects={projects.map((p) => ({ id: p.id, name: p.name, clientName: p.client.name, billableByDefault: p.billableByDefault }))}
            tasks={tasks.map((t) => ({ id: t.id, name: t.name, projectId: t.project.id, billable: t.billable, done: t.status === "done" }))}
            tags={tags.map((t) => ({ id: t.id, name: t.name }))}
            members={
              canTrackForOthers
                ? trackable.map((m) => ({ id: m.id, label: m.id === actor.membershipId ? "Me" : m.name }))
                : undefined
            }
            nextStarts={nextStarts}
            defaults={{
              date: addDate,
              startTime: nextStarts[addDate] ?? "09:00",
              duration: "",
              projectId: "",
              taskId: "",
              description: "",
              billable: null,
              tagIds: [],
              membershipId: trackedFor,
            }}
          />
        </Card>

        <div className="space-y-4">
          {week.days.map((day) => {
            const dayEntries = byDay.get(day) ?? [];
            return (
              <DayCard
                key={day}
                heading={formatIsoDate(day, "EEEE d MMMM")}
                isToday={day === today}
                total={formatDuration(sum(dayEntries))}
                entries={dayEntries.map(toRow)}
                editHref={(id) => `/w/${slug}/time/${id}/edit${memberParam ? `?member=${encodeURIComponent(memberParam)}` : ""}`}
                invoiceHref={can(actor, "invoices:read") ? (id) => `/w/${slug}/invoices/${id}` : null}
                deleteAction={deleteTimeEntryAction.bind(null, slug)}
                returnWeek={week.from}
                returnMember={memberParam}
                continueAction={continueEntryAction.bind(null, slug)}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}

/** As the page shows it: each entry to the minute, so day and week totals add up on the page. */
function sum(entries: TimeEntryView[]): number {
  return sumAsShown(entries.map((e) => e.durationSeconds));
}

/** Every entry of the week, following the domain's pages (a busy team can pass one page). */
async function listWeekEntries(actor: Parameters<typeof listTimeEntries>[0], from: string, to: string, membershipId: string | undefined) {
  const entries: TimeEntryView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTimeEntries(actor, { from, to, membershipId, cursor, limit: 200 });
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && entries.length < 2000);
  return entries;
}
