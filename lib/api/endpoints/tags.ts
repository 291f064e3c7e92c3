import { z } from "zod";
import { createTag } from "@/lib/domain/tags/create-tag";
import { listTags } from "@/lib/domain/tags/list-tags";
import { defineEndpoint } from "../endpoint";
import { TagOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";

export const listTagsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/tags",
  operationId: "listTags",
  summary: "List tags",
  description: "The workspace's tags, by name, with how many time entries and tasks carry each.",
  tag: "Tags",
  scope: "tags:read",
  permission: "tags:read",
  access: "read",
  query: z.strictObject({}),
  response: z.object({ data: z.array(TagOut.extend({ time_entry_count: z.number().int(), task_count: z.number().int() })) }),
  handle: async ({ actor }) => ({ data: await listTags(actor) }),
});

export const createTagEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/tags",
  operationId: "createTag",
  summary: "Create a tag",
  description: "Adds a tag for labelling time entries and tasks. Names are unique in the workspace.",
  tag: "Tags",
  scope: "tags:write",
  permission: "tags:write",
  access: "write",
  body: z.strictObject({ name: z.string().min(1).max(40).describe("The tag, e.g. research") }),
  response: TagOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) => requestFields("body", createTag(actor, { name: body.name }, tx)),
});
