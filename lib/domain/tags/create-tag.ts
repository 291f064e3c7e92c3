import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { withUniqueName } from "@/lib/domain/unique-violation";

export const CreateTagInput = z.object({
  name: z.string().trim().min(1, "is required").max(40, "must be at most 40 characters"),
});

export interface TagView {
  id: string;
  name: string;
}

/** Adds a tag. `tx`: a transaction to write in (a keyed call's), else one of its own. */
export async function createTag(actor: Actor, input: z.input<typeof CreateTagInput>, tx?: DbTx): Promise<TagView> {
  assertCan(actor, "tags:write", "create tags");
  const { name } = parseInput(CreateTagInput, input);
  const row = await inTransaction(tx, (tx) =>
    withUniqueName(() => tx.tag.create({ data: { workspaceId: actor.workspaceId, name } }), `A tag named "${name}" already exists.`),
  );
  return { id: row.id, name: row.name };
}
