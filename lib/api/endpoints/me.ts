import { z } from "zod";
import { notFound } from "@/lib/domain/errors";
import { getActiveUser } from "@/lib/domain/users/get-active-user";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { defineEndpoint } from "../endpoint";

export const getMe = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  summary: "The user and workspace behind this token",
  tag: "Profile",
  scope: "profile:read",
  permission: null,
  access: "read",
  query: z.strictObject({}),
  response: z.object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    role: z.enum(["owner", "admin", "member"]),
    member_id: z.string().describe("Your member id in this workspace (member.id on time entries, the member_id filter)"),
    workspace: z.object({ id: z.string(), slug: z.string(), name: z.string(), currency: z.string(), time_zone: z.string() }),
    scopes: z.array(z.string()),
  }),
  async handle({ actor, connection }) {
    const [user, workspace] = await Promise.all([getActiveUser(actor.userId), getWorkspace(actor)]);
    if (!user) throw notFound("User");
    return {
      user,
      role: actor.role,
      memberId: actor.membershipId,
      workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, currency: workspace.currency, timeZone: workspace.timeZone },
      scopes: connection.scopes,
    };
  },
});
