/** Tags: labels on time entries and tasks. */
import { z } from "zod";
import { createTag as createTagInDomain } from "@/lib/domain/tags/create-tag";
import { listTags as listTagsInDomain } from "@/lib/domain/tags/list-tags";
import { TagOut } from "@/lib/integrations/wire-schemas";
import { defineOperation } from "./operation";

export const listTags = defineOperation({
  name: "list_tags",
  title: "List tags",
  description:
    "The workspace's tags, by name, with how many time entries and tasks carry each. Tag ids go into tag_ids of create_time_entry, update_time_entry, create_task, update_task and list_time_entries.",
  scope: "tags:read", permission: "tags:read", effect: "read",
  input: z.object({}),
  output: z.object({ tags: z.array(TagOut.extend({ time_entry_count: z.number().int(), task_count: z.number().int() })) }),
  run: async ({ actor }) => ({ tags: await listTagsInDomain(actor) }),
});

export const createTag = defineOperation({
  name: "create_tag",
  title: "Create a tag",
  description: "Adds a tag for labelling time entries and tasks. Tag names are unique in the workspace.",
  scope: "tags:write", permission: "tags:write", effect: "additive",
  idempotencyKey: true,
  input: z.object({ name: z.string().min(1).max(40).describe("The tag, e.g. research") }),
  output: z.object({ tag: TagOut }),
  run: async ({ actor, tx }, input) => ({ tag: await createTagInDomain(actor, input, tx) }),
});
