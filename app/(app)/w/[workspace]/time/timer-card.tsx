import { StartTimerForm } from "@/components/timer/start-timer-form";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/domain/actor";
import type { ProjectView } from "@/lib/domain/projects/project-view";
import type { TagView } from "@/lib/domain/tags/create-tag";
import type { TaskSummary } from "@/lib/domain/tasks/list-tasks";
import { getRunningTimer } from "@/lib/domain/timer/get-running-timer";
import { startTimerAction } from "../timer-actions";

/** The Time page's "Timer" card: where a timer is started (the header shows and stops it). */
export async function TimerCard({ slug, actor, projects, tasks, tags }: { slug: string; actor: Actor; projects: ProjectView[]; tasks: TaskSummary[]; tags: TagView[] }) {
  const running = await getRunningTimer(actor);
  return (
    <div id="timer" className="scroll-mt-6">
      <Card title="Timer" description="Track time as you work: start the timer now, stop it from the bar at the top of any page.">
        <StartTimerForm
          action={startTimerAction.bind(null, slug)}
          projects={projects.map((p) => ({ id: p.id, name: p.name, clientName: p.client.name, billableByDefault: p.billableByDefault }))}
          tasks={tasks.map((t) => ({ id: t.id, name: t.name, projectId: t.project.id, billable: t.billable, done: t.status === "done" }))}
          tags={tags.map((t) => ({ id: t.id, name: t.name }))}
          running={running ? running.project.name : null}
        />
      </Card>
    </div>
  );
}
