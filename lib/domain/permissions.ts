import type { Role } from "@/lib/generated/prisma/enums";

/**
 * What each workspace role may do. This table is the single answer to "may this member
 * do X"; OAuth scopes and plan checks narrow it further for connected apps.
 */
export const PERMISSIONS = [
  "time:read_own",
  "time:read_all",
  "time:write_own",
  "time:write_all",
  "clients:read",
  "clients:write",
  "projects:read",
  "projects:write",
  "tasks:read",
  "tasks:write",
  "tags:read",
  "tags:write",
  "rules:read",
  "rules:write",
  "invoices:read",
  "invoices:write",
  "invoices:send",
  "invoices:void",
  "invoices:credit",
  "payments:write",
  "payments:remove",
  "reports:read_own",
  "reports:read_all",
  "billing:read",
  "members:manage",
  /** Read the workspace's settings and business details (owners and admins; only owners change them). */
  "settings:read",
  "workspace:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const MEMBER: readonly Permission[] = [
  "time:read_own",
  "time:write_own",
  "clients:read",
  "projects:read",
  "tasks:read",
  "tasks:write",
  "tags:read",
  "tags:write",
  "reports:read_own",
];

const ADMIN: readonly Permission[] = PERMISSIONS.filter((p) => p !== "workspace:manage");

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  owner: new Set(PERMISSIONS),
  admin: new Set(ADMIN),
  member: new Set(MEMBER),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
