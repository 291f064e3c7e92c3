/**
 * Checks that the project, task, member and tags a time entry points at all belong to the
 * actor's workspace and can take new time, and resolves the hourly rate to snapshot.
 */
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { can } from "@/lib/domain/actor";
import { forbidden, invalidInput, notFound } from "@/lib/domain/errors";
import { resolveHourlyRate } from "@/lib/domain/billing/hourly-rate";
import { loadBillingRules } from "@/lib/domain/billing/load-billing-rules";

export interface EntryReferences {
  projectId: string;
  taskId: string | null;
  membershipId: string;
  tagIds: string[];
}

export async function checkEntryReferences(tx: DbTx, actor: Actor, refs: EntryReferences) {
  const project = await tx.project.findFirst({
    where: { id: refs.projectId, workspaceId: actor.workspaceId },
    include: { client: { select: { id: true, archived: true } } },
  });
  if (!project) throw invalidInput("Choose a project from this workspace.", { projectId: "is not a project in this workspace" });
  if (project.archived) throw invalidInput(`Project "${project.name}" is archived; unarchive it to track time on it.`, { projectId: "is archived" });

  let task = null;
  if (refs.taskId) {
    task = await tx.task.findFirst({ where: { id: refs.taskId, workspaceId: actor.workspaceId } });
    if (!task || task.projectId !== project.id) {
      throw invalidInput(`The task is not part of project "${project.name}".`, { taskId: "does not belong to the project" });
    }
  }

  if (refs.membershipId !== actor.membershipId) {
    if (!can(actor, "time:write_all")) throw forbidden(`A ${actor.role} can only track their own time.`);
    const member = await tx.membership.findFirst({ where: { id: refs.membershipId, workspaceId: actor.workspaceId } });
    if (!member) throw notFound("Member");
    if (member.status !== "active") throw invalidInput("That member is inactive.", { membershipId: "is inactive" });
  }

  const uniqueTagIds = [...new Set(refs.tagIds)];
  if (uniqueTagIds.length) {
    const found = await tx.tag.count({ where: { id: { in: uniqueTagIds }, workspaceId: actor.workspaceId } });
    if (found !== uniqueTagIds.length) throw invalidInput("One of the tags is not in this workspace.", { tagIds: "contains an unknown tag" });
  }

  return { project, task, tagIds: uniqueTagIds };
}

export async function resolveEntryRate(
  tx: DbTx,
  actor: Actor,
  project: { id: string; clientId: string; hourlyRate: number | null },
  membershipId: string,
): Promise<number> {
  const [rules, workspace] = await Promise.all([
    loadBillingRules(actor.workspaceId, tx),
    tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { defaultHourlyRate: true } }),
  ]);
  return resolveHourlyRate({
    rules,
    entry: { clientId: project.clientId, projectId: project.id, membershipId },
    projectRate: project.hourlyRate,
    workspaceRate: workspace.defaultHourlyRate,
  }).hourlyRate;
}
