import type { Metadata } from "next";
import { MemberFilter } from "@/components/time/member-filter";
import { TimesheetGrid } from "@/components/time/timesheet-grid";
import { WeekNav } from "@/components/time/week-nav";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { openWeekPage } from "@/lib/web/open-week-page";
import { clampToCalendar, formatIsoDate } from "@/lib/domain/dates";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { listTasks } from "@/lib/domain/tasks/list-tasks";
import { getTimesheet } from "@/lib/domain/time-entries/get-timesheet";
import { memberLabel, otherMembersToShow } from "@/lib/domain/workspaces/list-members";
import { resolveMemberRequest } from "@/lib/web/member-request";
import { timePageHref, timesheetHref } from "@/lib/web/time-links";
import { INVALID_WEEK_NOTICE } from "@/lib/web/week";
import { saveTimesheetCellAction } from "./actions";

export const metadata: Metadata = { title: "Timesheet" };

type SearchParams = Promise<{ week?: string | string[]; member?: string | string[] }>;


/** "1:30" from whole minutes; "" for none (an empty cell), unless `zero` is wanted (totals). */
function hours(minutes: number, zero = "0:00"): string {
  return minutes ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}` : zero;
}

/**
 * The week's timesheet (Harvest's "Week" view): project/task rows × Monday..Sunday in the
 * workspace's time zone, typed into cell by cell. Owners and admins pick whose week; members see their own.
 */
export default async function TimesheetPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: SearchParams }) {
  const { workspace: slug } = await params;
  const query = await searchParams;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const { timeZone, today, week, seesEveryone, members, requestedMember } = await openWeekPage(actor, workspace, query);
  const shown = resolveMemberRequest({ requested: requestedMember, viewer: actor.membershipId, seesEveryone, memberIds: members.map((m) => m.id), allowAll: false, shown: "week" });
  const member = shown.member === actor.membershipId ? undefined : members.find((m) => m.id === shown.member);
  const memberParam = member?.id;

  const [sheet, projects, tasks] = await Promise.all([getTimesheet(actor, { week: week.from, membershipId: memberParam }), listProjects(actor), listTasks(actor)]);
  const href = (date: string | null) => (date === null ? null : timesheetHref(slug, { week: date, member: memberParam }));

  return (
    <>
      <PageHeader
        title="Timesheet"
        description={
          <>
            {member ? `${member.name}'s` : "Your"} week of <span className="font-medium text-slate-700">{formatIsoDate(week.start, "d MMMM yyyy")}</span> –{" "}
            {formatIsoDate(week.end, "d MMMM yyyy")} <span className="text-slate-500">({timeZone})</span>
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink href={timePageHref(slug, { week: week.from, member: memberParam })} variant="secondary" size="sm">
              Day by day
            </ButtonLink>
            <WeekNav previousHref={href(week.previous)} currentHref={timesheetHref(slug, { member: memberParam })} nextHref={href(week.next)} isCurrent={week.isCurrent} />
          </div>
        }
      />
      <div className="space-y-6">
        {week.invalidRequest ? <Alert tone="warning">{INVALID_WEEK_NOTICE}</Alert> : null}
        {shown.notice ? (
          <Alert tone="warning" testId="member-notice">
            {shown.notice}
          </Alert>
        ) : null}
        {seesEveryone && members.length > 1 ? (
          <MemberFilter
            options={[{ label: "Me", value: undefined }, ...otherMembersToShow(members, actor).map((m) => ({ label: memberLabel(m), value: m.id }))].map((o) => ({
              label: o.label,
              current: o.value === memberParam,
              href: timesheetHref(slug, { week: week.from, member: o.value }),
            }))}
          />
        ) : null}
        <p className="text-sm text-slate-600">
          Type a duration (1:30, 1.5 or 90m) and press Enter to set that day&apos;s time for the row. An empty day gets a new entry starting where the day left off. A cell&apos;s time ends by
          midnight and never overlaps your other entries; a cell made of several entries, or of invoiced time, is changed on the Time page.
        </p>
        <TimesheetGrid
          days={sheet.days.map((date) => ({
            date,
            label: formatIsoDate(date, "EEE d MMM"),
            dayHref: timePageHref(slug, { week: clampToCalendar(date), member: memberParam }),
            isToday: date === today,
          }))}
          rows={sheet.rows.map((row) => ({
            key: row.key,
            projectId: row.project.id,
            taskId: row.task?.id ?? null,
            projectName: row.project.name,
            clientName: row.client.name,
            taskName: row.task?.name ?? null,
            cells: row.cells.map((cell) => ({ value: hours(cell.minutes, cell.entryIds.length ? "0:00" : ""), readOnly: cell.readOnly })),
            total: hours(row.totalMinutes),
          }))}
          dayTotals={sheet.dayTotalsMinutes.map((m) => hours(m))}
          total={hours(sheet.totalMinutes)}
          projects={projects.map((p) => ({ id: p.id, name: p.name, clientName: p.client.name, billableByDefault: p.billableByDefault }))}
          tasks={tasks.map((t) => ({ id: t.id, name: t.name, projectId: t.project.id, billable: t.billable, done: t.status === "done" }))}
          save={saveTimesheetCellAction.bind(null, slug, memberParam ?? null)}
        />
      </div>
    </>
  );
}
