import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { EditableTable } from "@/components/ui/editable-table";
import { Td, type Column } from "@/components/ui/table";
import type { ActionState } from "@/lib/web/action-state";
import { TASK_STATUS_LABELS, type TaskStatusValue } from "@/lib/web/task-form";
import { TaskForm } from "./task-form";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export interface TaskRow {
  id: string;
  name: string;
  status: TaskStatusValue;
  billable: boolean;
  /** Formatted "4:00", or null without an estimate. */
  estimate: string | null;
  tracked: string;
  /** tracked / estimate, or null without an estimate. */
  progress: number | null;
  /** How far tracked time runs past the estimate, formatted; null when within it. */
  overBy: string | null;
  tags: { id: string; name: string }[];
}

const TASK_COLUMNS: Column[] = [
  { label: "Task", className: "w-[30%]" },
  { label: "Status", className: "w-[14%]" },
  { label: "Billing", className: "w-[14%]" },
  { label: "Tracked / estimate", className: "w-[20%]" },
  "Tags",
];

const STATUS_TONES: Record<TaskStatusValue, BadgeTone> = { open: "blue", in_progress: "amber", done: "green" };

export function TaskStatusBadge({ status }: { status: TaskStatusValue }) {
  return <Badge tone={STATUS_TONES[status]}>{TASK_STATUS_LABELS[status]}</Badge>;
}

/** One project's tasks, with estimate against tracked time and inline editing when allowed. */
export function TaskGroup({
  project,
  tasks,
  tags,
  editTask,
}: {
  project: { id: string; name: string; clientName: string; archived: boolean };
  tasks: TaskRow[];
  tags: { id: string; name: string }[];
  editTask?: (taskId: string) => Action;
}) {
  const headingId = `project-${project.id}`;
  const cells = (task: TaskRow) => (
    <>
      <Td className="font-medium text-slate-900">{task.name}</Td>
      <Td className="whitespace-nowrap">
        <TaskStatusBadge status={task.status} />
      </Td>
      <Td className="whitespace-nowrap">{task.billable ? <Badge tone="green">Billable</Badge> : <Badge tone="gray">Non-billable</Badge>}</Td>
      <Td className="min-w-[10rem]">
        <EstimateCell task={task} />
      </Td>
      <Td>
        <div className="flex flex-wrap gap-1">
          {task.tags.length ? (
            task.tags.map((tag) => (
              <span key={tag.id} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
                #{tag.name}
              </span>
            ))
          ) : (
            <span className="text-xs text-slate-500">—</span>
          )}
        </div>
      </Td>
    </>
  );

  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
        <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold text-slate-900">{project.name}</span>
          <span className="text-slate-500">· {project.clientName}</span>
          {project.archived ? <Badge tone="amber">Archived</Badge> : null}
        </h2>
        <p className="text-xs text-slate-500">
          {tasks.length} {tasks.length === 1 ? "task" : "tasks"}
        </p>
      </header>
      <div className="px-2 py-1">
        <EditableTable
          caption={`Tasks on ${project.name}`}
          columns={TASK_COLUMNS}
          rows={tasks}
          cells={cells}
          form={
            editTask &&
            ((task: TaskRow) => (
              <TaskForm
                mode="edit"
                action={editTask(task.id)}
                idPrefix={`edit-task-${task.id}`}
                tags={tags}
                values={{ name: task.name, status: task.status, billable: task.billable, estimate: task.estimate ?? "", tagIds: task.tags.map((t) => t.id) }}
              />
            ))
          }
        />
      </div>
    </section>
  );
}

function EstimateCell({ task }: { task: TaskRow }) {
  if (task.progress === null) {
    return (
      <span className="tabular-nums text-slate-700">
        {task.tracked} <span className="text-xs text-slate-500">no estimate</span>
      </span>
    );
  }
  const over = task.progress > 1;
  return (
    <div>
      <p className="tabular-nums">
        <span className={cx("font-medium", over ? "text-rose-700" : "text-slate-900")}>{task.tracked}</span>
        <span className="text-slate-500"> / {task.estimate}</span>
      </p>
      <div
        className="mt-1 h-1.5 w-full max-w-[9rem] overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={`${Math.round(task.progress * 100)}% of the estimate tracked`}
      >
        <div className={cx("h-full rounded-full", over ? "bg-rose-500" : task.progress > 0.8 ? "bg-amber-500" : "bg-indigo-500")} style={{ width: `${Math.min(100, task.progress * 100)}%` }} />
      </div>
      {over && task.overBy ? <p className="mt-0.5 text-xs font-medium text-rose-700">{task.overBy} over estimate</p> : null}
    </div>
  );
}
