/**
 * Whose time the Time page and the Timesheet show for `?member=`: the member asked for when the
 * viewer may see them, else the viewer's own — and then a notice saying why, rather than
 * silently showing something else (as the invalid-week notice does for `?week=`). An id that is
 * not the workspace's and another workspace's member read the same: `members` is the
 * workspace's own list, so nothing tells them apart.
 */

/** The Time page's "everyone" (lib/web/export-filters.ts ALL_MEMBERS). */
const ALL = "all";

export interface MemberRequest {
  /** A membership id, or "all" where `allowAll`. */
  member: string;
  /** Why the member asked for is not the one shown; null when it is. */
  notice: string | null;
}

export function resolveMemberRequest(options: {
  requested: string | undefined;
  viewer: string;
  /** Whether the viewer may read everyone's time (time:read_all). */
  seesEveryone: boolean;
  /** The workspace's member ids (empty for a viewer who sees only their own time). */
  memberIds: readonly string[];
  /** The Time page lists everyone's entries at once; the Timesheet is one person's week. */
  allowAll: boolean;
  /** What the page shows: "time" (Time page) or "week" (Timesheet). */
  shown: "time" | "week";
}): MemberRequest {
  const { requested, viewer, seesEveryone, memberIds, allowAll, shown } = options;
  const own = (notice: string | null): MemberRequest => ({ member: viewer, notice });
  if (requested === undefined || requested === "" || requested === viewer) return own(null);
  if (requested === ALL) {
    if (!allowAll) return own(`The timesheet shows one person's week at a time, so your ${shown} is shown instead.`);
    // A member's "everyone" is their own time, as their exports and lists scope it.
    return seesEveryone ? { member: ALL, notice: null } : own(null);
  }
  if (!seesEveryone) return own(`A member can only see their own ${shown}, so yours is shown instead.`);
  if (memberIds.includes(requested)) return { member: requested, notice: null };
  return own(`There is no member with that id in this workspace, so your ${shown} is shown instead.`);
}
