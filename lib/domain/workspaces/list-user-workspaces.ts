import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface UserWorkspace {
  slug: string;
  name: string;
  role: Role;
}

/** The workspaces a user can open in the web app: active memberships only, by name. */
export async function listUserWorkspaces(userId: string): Promise<UserWorkspace[]> {
  const rows = await db.membership.findMany({
    where: { userId, status: "active" },
    include: { workspace: { select: { slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return rows.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }));
}
