import { ProjectOptions } from "@/components/clients/project-options";
import { SelectField } from "@/components/ui/field";
import type { formFieldErrors } from "@/lib/web/field-error";
import type { ProjectOption, TaskOption } from "./types";

/**
 * The project select and the task select that follows it (time entries, the timer): choosing a
 * project clears the task (onTaskChange("")), and the task list is `projectTasks`, the ones the caller offers for
 * that project. Field errors come from the form's `fieldErrors` (formFieldErrors) under projectId / taskId.
 */
export function ProjectTaskFields({
  idPrefix,
  projects,
  projectTasks,
  projectId,
  taskId,
  onProjectChange,
  onTaskChange,
  fieldErrors,
  projectClassName,
  taskClassName,
}: {
  idPrefix: string;
  projects: ProjectOption[];
  projectTasks: TaskOption[];
  projectId: string;
  taskId: string;
  onProjectChange: (projectId: string) => void;
  onTaskChange: (taskId: string) => void;
  fieldErrors: ReturnType<typeof formFieldErrors>;
  projectClassName: string;
  taskClassName: string;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-project`}
        name="projectId"
        label="Project"
        required
        fieldClassName={projectClassName}
        value={projectId}
        onChange={(e) => {
          onProjectChange(e.target.value);
          onTaskChange("");
        }}
        error={fieldErrors.error("Project", "projectId")}
      >
        <ProjectOptions projects={projects} />
      </SelectField>
      <SelectField
        id={`${idPrefix}-task`}
        name="taskId"
        label="Task (optional)"
        fieldClassName={taskClassName}
        value={taskId}
        disabled={!projectId}
        onChange={(e) => onTaskChange(e.target.value)}
        hint={projectId && projectTasks.length === 0 ? "This project has no tasks yet." : undefined}
        error={fieldErrors.error("Task", "taskId")}
      >
        <option value="">{projectId ? "No task" : "Choose a project first"}</option>
        {projectTasks.map((t) => (
          <option key={t.id} value={t.id}>
            {t.done ? `${t.name} (done)` : t.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
