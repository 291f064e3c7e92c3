import { z } from "zod";
import { notFound } from "@/lib/domain/errors";
import { getActiveUser } from "@/lib/domain/users/get-active-user";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { defineTool, READ_ONLY } from "../tool";

export const getProfile = defineTool({
  name: "get_profile",
  title: "Who am I",
  description:
    "The signed-in user behind this connection: name, email, member_id (their member id in the connected workspace, for member_id filters and arguments), role there, and the access this connection was granted.",
  scope: "profile:read",
  permission: null,
  access: "read",
  input: z.object({}),
  output: z.object({
    name: z.string(),
    email: z.string(),
    member_id: z.string().describe("Your member id in this workspace (member.id on time entries)"),
    role: z.enum(["owner", "admin", "member"]),
    workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
    scopes: z.array(z.string()),
  }),
  annotations: READ_ONLY,
  async run({ actor, connection }) {
    const [user, workspace] = await Promise.all([getActiveUser(actor.userId), getWorkspace(actor)]);
    if (!user) throw notFound("User");
    return { name: user.name, email: user.email, member_id: actor.membershipId, role: actor.role, workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, scopes: connection.scopes };
  },
  render: (p) => `${p.name} <${p.email}>, ${p.role} of ${p.workspace.name}.`,
});
