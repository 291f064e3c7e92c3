/**
 * Filters that name a record by id (a member, a project, a client, tags) are checked to name one
 * of the workspace's: an unknown id would otherwise match nothing and answer an empty list, as if
 * there were nothing to find. Another workspace's id is the same miss as an id that exists
 * nowhere (the lookups are scoped to the actor's workspace), so nothing leaks.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { invalidInput, summarizeFieldErrors } from "@/lib/domain/errors";

export interface FilterIds {
  membershipId?: string;
  projectId?: string;
  clientId?: string;
  tagIds?: readonly string[];
}

/** The field messages, keyed by the domain's input names (each boundary renames the fields: REST "query.project_id", a web download "project"). */
export const UNKNOWN_ID = {
  membershipId: "no member with this id in this workspace",
  projectId: "no project with this id in this workspace",
  clientId: "no client with this id in this workspace",
  tagIds: "has an id with no tag in this workspace",
} as const;

/**
 * Checks each id given against the actor's workspace; one query per kind of id given, none
 * when none is.
 * @throws invalid_input naming every field whose id is not in the workspace ("projectId: no
 *   project with this id in this workspace")
 */
export async function checkFilterIds(actor: Actor, ids: FilterIds): Promise<void> {
  const workspaceId = actor.workspaceId;
  const tagIds = [...new Set(ids.tagIds ?? [])];
  const [member, project, client, tags] = await Promise.all([
    ids.membershipId ? db.membership.count({ where: { id: ids.membershipId, workspaceId } }) : 1,
    ids.projectId ? db.project.count({ where: { id: ids.projectId, workspaceId } }) : 1,
    ids.clientId ? db.client.count({ where: { id: ids.clientId, workspaceId } }) : 1,
    tagIds.length ? db.tag.count({ where: { id: { in: tagIds }, workspaceId } }) : 0,
  ]);
  const fieldErrors: Record<string, string> = {};
  if (member === 0) fieldErrors.membershipId = UNKNOWN_ID.membershipId;
  if (project === 0) fieldErrors.projectId = UNKNOWN_ID.projectId;
  if (client === 0) fieldErrors.clientId = UNKNOWN_ID.clientId;
  if (tags !== tagIds.length) fieldErrors.tagIds = UNKNOWN_ID.tagIds;
  if (Object.keys(fieldErrors).length) throw invalidInput(summarizeFieldErrors(fieldErrors), fieldErrors);
}
