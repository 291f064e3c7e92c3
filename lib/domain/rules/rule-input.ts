import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { invalidInput } from "@/lib/domain/errors";
import { HourlyRate, Id, Name, OptionalId } from "@/lib/domain/schemas";

export const RoundingIncrement = z
  .int()
  .min(60, "must be at least one minute")
  .max(4 * 3600, "must be at most four hours")
  .multipleOf(60, "must be whole minutes");
export const RoundingDirectionInput = z.enum(["up", "down", "nearest"], { error: "must be up, down or nearest" });
export const MinimumSeconds = z
  .int()
  .min(60, "must be at least one minute")
  .max(8 * 3600, "must be at most eight hours")
  .multipleOf(60, "must be whole minutes");

const Scope = {
  name: Name,
  clientId: OptionalId,
  projectId: OptionalId,
  membershipId: OptionalId,
  active: z.boolean().default(true),
};

export const RuleDefinition = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("rounding"),
      roundingIncrementSeconds: RoundingIncrement,
      roundingDirection: RoundingDirectionInput,
      ...Scope,
    }),
    z.object({ kind: z.literal("minimum_duration"), minimumSeconds: MinimumSeconds, ...Scope }),
    z.object({ kind: z.literal("rate_override"), hourlyRate: HourlyRate, ...Scope }),
  ],
  { error: "kind must be rounding, minimum_duration or rate_override" },
);

/**
 * Checks a rule's scope against the workspace. A project scope also records the
 * project's client, so rules read naturally in lists; a client that contradicts the
 * project is refused rather than silently ignored.
 */
export async function resolveRuleScope(
  tx: DbTx,
  actor: Actor,
  scope: { clientId: string | null; projectId: string | null; membershipId: string | null },
) {
  let clientId = scope.clientId;
  if (scope.projectId) {
    const project = await tx.project.findFirst({ where: { id: scope.projectId, workspaceId: actor.workspaceId } });
    if (!project) throw invalidInput("Choose a project from this workspace.", { projectId: "is not a project in this workspace" });
    if (clientId && clientId !== project.clientId) {
      throw invalidInput("The project belongs to another client.", { clientId: "does not match the project" });
    }
    clientId = project.clientId;
  } else if (clientId) {
    const client = await tx.client.findFirst({ where: { id: clientId, workspaceId: actor.workspaceId } });
    if (!client) throw invalidInput("Choose a client from this workspace.", { clientId: "is not a client in this workspace" });
  }
  if (scope.membershipId) {
    const member = await tx.membership.findFirst({ where: { id: scope.membershipId, workspaceId: actor.workspaceId } });
    if (!member) throw invalidInput("Choose a member of this workspace.", { membershipId: "is not a member of this workspace" });
  }
  return { clientId, projectId: scope.projectId, membershipId: scope.membershipId };
}
