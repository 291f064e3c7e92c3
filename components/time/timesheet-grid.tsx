"use client";
import Link from "next/link";
import { useState, useTransition, type KeyboardEvent } from "react";
import { ProjectOptions } from "@/components/clients/project-options";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { inputClasses } from "@/components/ui/field";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { ActionState } from "@/lib/web/action-state";
import type { ProjectOption, TaskOption } from "./types";

export interface TimesheetGridDay {
  /** YYYY-MM-DD. */
  date: string;
  /** "Tue 1 Dec": in each cell's accessible name. */
  label: string;
  /** The Time page's day view of this date, where a cell's entries are changed one by one. */
  dayHref: string;
  isToday: boolean;
}

export interface TimesheetGridCell {
  /** "1:30", or "" for an empty cell. */
  value: string;
  /** Why it cannot be typed into (invoiced, or several entries), or null. */
  readOnly: string | null;
}

export interface TimesheetGridRow {
  key: string;
  projectId: string;
  taskId: string | null;
  projectName: string;
  clientName: string;
  taskName: string | null;
  /** Monday..Sunday. */
  cells: TimesheetGridCell[];
  total: string;
}

interface TimesheetGridProps {
  days: TimesheetGridDay[];
  rows: TimesheetGridRow[];
  dayTotals: string[];
  total: string;
  /** Projects that take new time, and their tasks, for "Add row". */
  projects: ProjectOption[];
  tasks: TaskOption[];
  save: (edit: { projectId: string; taskId: string | null; date: string; duration: string }) => Promise<ActionState>;
}

const cellKey = (row: string, date: string) => `${row}|${date}`;
const rowName = (row: Pick<TimesheetGridRow, "projectName" | "taskName">) => (row.taskName ? `${row.projectName} · ${row.taskName}` : row.projectName);

/**
 * The week as a grid of project/task rows × days, each cell an input: typing a duration and
 * pressing Enter (or leaving the cell) sets that day's total for the row. Outcomes and refusals
 * are announced politely; a refusal of the time itself (past midnight, an overlap) links to that
 * day on the Time page. A read-only cell (invoiced time, or several entries) is not an input
 * but its value as text, linking to that day on the Time page; it says why in its title and
 * description, and in the status line when focused.
 */
export function TimesheetGrid({ days, rows, dayTotals, total, projects, tasks, save }: TimesheetGridProps) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  // The cell whose last save was refused, and what was typed: leaving it unchanged does not send it again.
  const [failed, setFailed] = useState<{ key: string; typed: string } | null>(null);
  const [status, setStatus] = useState<{ tone: "info" | "success" | "error"; message: string; href?: string } | null>(null);
  const [added, setAdded] = useState<TimesheetGridRow[]>([]);
  const [saving, setSaving] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const shown = [...rows, ...added.filter((extra) => !rows.some((row) => row.key === extra.key))];

  function commit(row: TimesheetGridRow, dayIndex: number) {
    const day = days[dayIndex];
    const cell = row.cells[dayIndex];
    if (!day || !cell) return;
    const key = cellKey(row.key, day.date);
    const typed = drafts[key];
    if (typed === undefined || saving === key || (failed?.key === key && failed.typed === typed)) return;
    if (typed.trim() === cell.value) {
      setDrafts(({ [key]: _, ...rest }) => rest);
      return;
    }
    setSaving(key);
    startTransition(async () => {
      const state = await save({ projectId: row.projectId, taskId: row.taskId, date: day.date, duration: typed });
      setSaving(null);
      if (state.status === "success") {
        setDrafts(({ [key]: _, ...rest }) => rest);
        setFailed(null);
        setStatus({ tone: "success", message: state.message });
      } else if (state.status === "error") {
        setFailed({ key, typed });
        // A refusal of what the cell would save (past midnight, an overlap, several entries) points to that day on the Time page, where it can be tracked as wanted; a typo does not.
        setStatus({ tone: "error", message: `${rowName(row)}, ${day.label}: ${state.message}`, href: state.fieldErrors.duration ? undefined : day.dayHref });
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: TimesheetGridRow, dayIndex: number) {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(row, dayIndex);
    } else if (event.key === "Escape") {
      const key = cellKey(row.key, days[dayIndex]?.date ?? "");
      setDrafts(({ [key]: _, ...rest }) => rest);
      if (failed?.key === key) setFailed(null);
    }
  }

  return (
    <div className="space-y-4">
      <ScrollTable label="Timesheet for the week" className="rounded-lg shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">
            Hours per project and task for each day of the week; type a duration in a cell to set that day&apos;s time. Cells of invoiced time or of several entries are read-only and link to that day on the Time page.
          </caption>
          <thead className="bg-slate-50 text-xs font-semibold text-slate-600">
            <tr>
              <th scope="col" className="min-w-44 px-3 py-2 text-left">
                Project · task
              </th>
              {days.map((day) => (
                <th key={day.date} scope="col" className={cx("px-1 py-2 text-center", day.isToday && "text-indigo-700")}>
                  {day.label}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.length === 0 ? (
              <tr>
                <td colSpan={days.length + 2} className="px-3 py-6 text-center text-slate-500">
                  No time this week yet. Add a row to start.
                </td>
              </tr>
            ) : null}
            {shown.map((row) => (
              <tr key={row.key} data-testid="timesheet-row">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="block font-medium text-slate-900">{rowName(row)}</span>
                  <span className="block text-xs text-slate-500">{row.clientName}</span>
                </th>
                {days.map((day, dayIndex) => {
                  const cell = row.cells[dayIndex] ?? { value: "", readOnly: null };
                  const key = cellKey(row.key, day.date);
                  const reasonId = `reason-${key.replace(/[^\w-]/g, "_")}`;
                  if (cell.readOnly) {
                    // Not an input: the value as text, a link to the day where its entries are changed one by one, and why.
                    return (
                      <td key={day.date} className="px-1 py-1 text-center" data-testid="timesheet-read-only-cell">
                        <Link
                          href={day.dayHref}
                          aria-label={`${rowName(row)}, ${day.label}: ${cell.value || "no time"}`}
                          aria-describedby={reasonId}
                          title={cell.readOnly}
                          onFocus={() => setStatus({ tone: "info", message: cell.readOnly ?? "", href: day.dayHref })}
                          className="inline-block w-16 min-w-16 rounded px-1.5 py-2 text-center tabular-nums text-slate-700 underline decoration-slate-400 decoration-dotted underline-offset-4 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          {cell.value}
                        </Link>
                        <span id={reasonId} className="sr-only">
                          {cell.readOnly}
                        </span>
                      </td>
                    );
                  }
                  return (
                    <td key={day.date} className="px-1 py-1">
                      <input
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={`${rowName(row)}, ${day.label}`}
                        aria-invalid={failed?.key === key ? true : undefined}
                        value={drafts[key] ?? cell.value}
                        onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
                        onKeyDown={(e) => onKeyDown(e, row, dayIndex)}
                        onBlur={() => commit(row, dayIndex)}
                        className={cx(inputClasses, "w-16 min-w-16 px-1.5 text-center tabular-nums", saving === key && "opacity-60")}
                      />
                    </td>
                  );
                })}
                <td className="px-3 py-2 text-right font-medium tabular-nums" data-testid="timesheet-row-total">
                  {row.total}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                Total
              </th>
              {dayTotals.map((value, i) => (
                <td key={days[i]?.date ?? i} className="px-1 py-2 text-center tabular-nums" data-testid="timesheet-day-total">
                  {value}
                </td>
              ))}
              <td className="px-3 py-2 text-right tabular-nums" data-testid="timesheet-week-total">
                {total}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollTable>

      <p role="status" aria-live="polite" data-testid="timesheet-status" className={cx("min-h-5 text-sm", status?.tone === "error" ? "text-rose-700" : status?.tone === "success" ? "text-emerald-700" : "text-slate-600")}>
        {status ? (
          <>
            {status.message}
            {status.href ? (
              <>
                {" "}
                <Link href={status.href} className="font-medium text-indigo-700 underline">
                  Open that day on the Time page
                </Link>
              </>
            ) : null}
          </>
        ) : null}
      </p>

      <AddRow
        projects={projects}
        tasks={tasks}
        onAdd={(row) => {
          if (shown.some((r) => r.key === row.key)) {
            setStatus({ tone: "info", message: `${rowName(row)} already has a row.` });
            return;
          }
          setAdded((list) => [...list, { ...row, cells: days.map(() => ({ value: "", readOnly: null })), total: "0:00" }]);
          setStatus({ tone: "info", message: `Added a row for ${rowName(row)}; type a duration in one of its days.` });
        }}
      />
    </div>
  );
}

/** "Add row": pick a project and, optionally, one of its tasks. */
function AddRow({ projects, tasks, onAdd }: { projects: ProjectOption[]; tasks: TaskOption[]; onAdd: (row: Omit<TimesheetGridRow, "cells" | "total">) => void }) {
  const [projectId, setProjectId] = useState("");
  const [taskId, setTaskId] = useState("");
  const projectTasks = tasks.filter((t) => t.projectId === projectId && !t.done);
  const project = projects.find((p) => p.id === projectId);
  return (
    <fieldset className="flex flex-wrap items-end gap-3">
      <legend className="sr-only">Add a row</legend>
      <label className="block text-sm font-medium text-slate-800">
        Project
        <select className={cx(inputClasses, "mt-1 min-w-48")} value={projectId} onChange={(e) => { setProjectId(e.target.value); setTaskId(""); }}>
          <ProjectOptions projects={projects} />
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-800">
        Task (optional)
        <select className={cx(inputClasses, "mt-1 min-w-40")} value={taskId} disabled={!projectId} onChange={(e) => setTaskId(e.target.value)}>
          <option value="">{projectId ? "No task" : "Choose a project first"}</option>
          {projectTasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <Button
        variant="secondary"
        disabled={!project}
        onClick={() => {
          if (!project) return;
          const task = projectTasks.find((t) => t.id === taskId) ?? null;
          onAdd({ key: `${project.id}:${task?.id ?? ""}`, projectId: project.id, taskId: task?.id ?? null, projectName: project.name, clientName: project.clientName, taskName: task?.name ?? null });
          setProjectId("");
          setTaskId("");
        }}
      >
        Add row
      </Button>
    </fieldset>
  );
}
