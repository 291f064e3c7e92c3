import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface UserWorkspace {
  slug: string;
  name: string;
  role: Role;
}

const ROLE_RANK = { owner: 0, admin: 1, member: 2 } as const;

/** Own workspaces first (owner, then admin, then member), by name within each. */
export function byRoleThenName<T extends { role: Role; name: string }>(a: T, b: T): number {
  return ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.name.localeCompare(b.name);
}

/** The workspaces a user can open in the web app: active memberships only; the first is their home. */
export async function listUserWorkspaces(userId: string): Promise<UserWorkspace[]> {
  const rows = await db.membership.findMany({
    where: { userId, status: "active" },
    include: { workspace: { select: { slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return rows.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role })).sort(byRoleThenName);
}
