import { z } from "zod";
import { createTag as createTagInDomain } from "@/lib/domain/tags/create-tag";
import { ADDITIVE, defineTool } from "../tool";
import { TagOut } from "@/lib/integrations/wire-schemas";

export const createTag = defineTool({
  name: "create_tag",
  title: "Create a tag",
  description: "Adds a tag for labelling time entries and tasks. Tag names are unique in the workspace. Accepts an idempotency_key for safe retries.",
  scope: "tags:write",
  permission: "tags:write",
  access: "write",
  input: z.object({ name: z.string().min(1).max(40).describe("The tag, e.g. research") }),
  output: z.object({ tag: TagOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  run: async ({ actor, tx }, input) => ({ tag: await createTagInDomain(actor, { name: input.name }, tx) }),
  render: ({ tag }) => `Created tag ${tag.name} (${tag.id}).`,
});
