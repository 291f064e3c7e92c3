import type { Metadata } from "next";
import { NewTagForm } from "@/components/tasks/tag-panel";
import { TaskForm } from "@/components/tasks/task-form";
import { TaskGroup, type TaskRow } from "@/components/tasks/task-group";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, SelectOptions } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { formatDuration } from "@/lib/domain/durations";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { listTags } from "@/lib/domain/tags/list-tags";
import { listTasks, type TaskSummary } from "@/lib/domain/tasks/list-tasks";
import { resolveTaskFilters } from "@/lib/web/task-filters";
import { Alert } from "@/components/ui/alert";
import { TASK_STATUS_LABELS } from "@/lib/web/task-form";
import { createTagAction, createTaskAction, updateTaskAction } from "./actions";

export const metadata: Metadata = { title: "Tasks" };

type SearchParams = Promise<{ project?: string | string[]; status?: string | string[] }>;

export default async function TasksPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: SearchParams }) {
  const { workspace: slug } = await params;
  const query = await searchParams;
  const { actor } = await requireWorkspaceActor(slug);

  const [projects, tags] = await Promise.all([listProjects(actor, { includeArchived: true }), listTags(actor)]);
  const { projectId: projectFilter, status: statusFilter, notices } = resolveTaskFilters({
    project: typeof query.project === "string" ? query.project : undefined,
    status: typeof query.status === "string" ? query.status : undefined,
    projectIds: projects.map((p) => p.id),
  });
  const tasks = await listTasks(actor, { projectId: projectFilter, status: statusFilter });

  const canWrite = can(actor, "tasks:write");
  const canTag = can(actor, "tags:write");
  const byProject = new Map<string, TaskSummary[]>();
  for (const task of tasks) byProject.set(task.project.id, [...(byProject.get(task.project.id) ?? []), task]);
  const groups = projects.filter((p) => byProject.has(p.id));
  const openCount = tasks.filter((t) => t.status !== "done").length;
  const filtered = Boolean(projectFilter || statusFilter);
  const usableProjects = projects.filter((p) => !p.archived);
  const clientNames = [...new Set(projects.map((p) => p.client.name))];

  const toRow = (task: TaskSummary): TaskRow => ({
    id: task.id,
    name: task.name,
    status: task.status,
    billable: task.billable,
    estimate: task.estimateSeconds ? formatDuration(task.estimateSeconds) : null,
    tracked: formatDuration(task.trackedSeconds),
    progress: task.estimateSeconds ? task.trackedSeconds / task.estimateSeconds : null,
    overBy: task.estimateSeconds && task.trackedSeconds > task.estimateSeconds ? formatDuration(task.trackedSeconds - task.estimateSeconds) : null,
    tags: task.tags,
  });

  return (
    <>
      <PageHeader
        title="Tasks"
        description={`${tasks.length} ${tasks.length === 1 ? "task" : "tasks"}${filtered ? " match the filters" : ""} · ${openCount} not done`}
      />

      {notices.length ? (
        <div className="mb-4 space-y-2">
          {notices.map((notice) => (
            <Alert key={notice} tone="warning" testId="filter-notice">
              {notice}
            </Alert>
          ))}
        </div>
      ) : null}

      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Filter tasks">
        <SelectField id="filter-project" name="project" label="Project" defaultValue={projectFilter ?? ""} fieldClassName="min-w-[16rem] flex-1 sm:flex-none">
          <option value="">All projects</option>
          {clientNames.map((client) => (
            <optgroup key={client} label={client}>
              {projects
                .filter((p) => p.client.name === client)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.archived ? `${p.name} (archived)` : p.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField id="filter-status" name="status" label="Status" defaultValue={statusFilter ?? ""} fieldClassName="min-w-[10rem]">
          <option value="">Any status</option>
          <SelectOptions choices={TASK_STATUS_LABELS} />
        </SelectField>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {filtered ? (
          <ButtonLink href={`/w/${slug}/tasks`} variant="ghost">
            Clear filters
          </ButtonLink>
        ) : null}
      </form>

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          {groups.length === 0 ? (
            <EmptyState title={filtered ? "No tasks match these filters" : "No tasks yet"}>
              {filtered ? "Try another project or status." : canWrite ? "Add a task to break a project into pieces you can estimate and track." : null}
            </EmptyState>
          ) : (
            groups.map((project) => (
              <TaskGroup
                key={project.id}
                project={{ id: project.id, name: project.name, clientName: project.client.name, archived: project.archived }}
                tasks={(byProject.get(project.id) ?? []).map(toRow)}
                tags={tags.map((t) => ({ id: t.id, name: t.name }))}
                editTask={canWrite ? (taskId) => updateTaskAction.bind(null, slug, taskId) : undefined}
              />
            ))
          )}
        </div>

        <div className="space-y-6">
          {canWrite ? (
            <Card title="Add task">
              {usableProjects.length === 0 ? (
                <p className="text-sm text-slate-500">Tasks belong to a project; there are no active projects yet.</p>
              ) : (
                <TaskForm
                  mode="create"
                  action={createTaskAction.bind(null, slug)}
                  idPrefix="new-task"
                  projects={usableProjects.map((p) => ({ id: p.id, name: p.name, clientName: p.client.name, billableByDefault: p.billableByDefault }))}
                  tags={tags.map((t) => ({ id: t.id, name: t.name }))}
                />
              )}
            </Card>
          ) : null}

          <Card title="Tags" description="Label time entries and tasks; reports can filter by them.">
            {tags.length === 0 ? (
              <p className="text-sm text-slate-500">No tags yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Tags">
                {tags.map((tag) => (
                  <li key={tag.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span className="font-medium text-slate-800">#{tag.name}</span>
                    <span className="text-xs tabular-nums text-slate-500">
                      {tag.timeEntryCount} {tag.timeEntryCount === 1 ? "entry" : "entries"} · {tag.taskCount} {tag.taskCount === 1 ? "task" : "tasks"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {canTag ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <NewTagForm action={createTagAction.bind(null, slug)} />
              </div>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
