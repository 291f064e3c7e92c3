import { z } from "zod";
import { listTags as listTagsInDomain } from "@/lib/domain/tags/list-tags";
import { defineTool, READ_ONLY } from "../tool";
import { TagOut } from "@/lib/integrations/wire-schemas";

export const listTags = defineTool({
  name: "list_tags",
  title: "List tags",
  description: "The workspace's tags with how many time entries and tasks carry each. Tag ids go into tag_ids of create_time_entry, update_time_entry, create_task, update_task and list_time_entries.",
  scope: "tags:read",
  permission: "tags:read",
  access: "read",
  input: z.object({}),
  output: z.object({ tags: z.array(TagOut.extend({ time_entry_count: z.number().int(), task_count: z.number().int() })) }),
  annotations: READ_ONLY,
  run: async ({ actor }) => ({ tags: await listTagsInDomain(actor) }),
  render: ({ tags }) => (tags.length ? tags.map((t) => `${t.name} (${t.id}): ${t.time_entry_count} entries, ${t.task_count} tasks`).join("\n") : "No tags yet."),
});
