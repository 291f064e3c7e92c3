import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { workspaceNotFound } from "@/lib/domain/errors";

/** The actor's workspace row (currency, time zone, invoice numbering...). */
export async function loadWorkspace(actor: Actor) {
  const workspace = await db.workspace.findUnique({ where: { id: actor.workspaceId } });
  if (!workspace) throw workspaceNotFound();
  return workspace;
}
