/**
 * Keeps connection activity bounded: a connection keeps its most recent calls — well more than
 * the Integrations pages show — and a connection that ended longer ago than the pages show
 * ended connections, or whose grant is gone, keeps none. For the background sweep only.
 */
import { db, deleteInBatches } from "@/lib/db";
import { RECENT_ACTIVITY, SHOW_IDLE_ENDED_DAYS } from "./connection-view";

/** Calls kept per connection. At least RECENT_ACTIVITY, the number the pages show. */
export const ACTIVITY_KEPT_PER_CONNECTION = Math.max(50, RECENT_ACTIVITY);

/** Grants looked up per query (well under SQLite's limit on bound variables). */
const LOOKUP_CHUNK = 500;

/** Deletes activity beyond what is kept, as of `now`. Returns how many rows went. */
export async function trimConnectionActivity(now = new Date()): Promise<number> {
  const endedBefore = new Date(now.getTime() - SHOW_IDLE_ENDED_DAYS * 24 * 3600 * 1000);
  const perGrant = await db.connectionActivity.groupBy({ by: ["grantId"], _count: { _all: true } });
  const endedAt = new Map<string, Date | null>();
  for (let i = 0; i < perGrant.length; i += LOOKUP_CHUNK) {
    const ids = perGrant.slice(i, i + LOOKUP_CHUNK).map((g) => g.grantId);
    for (const grant of await db.oAuthGrant.findMany({ where: { id: { in: ids } }, select: { id: true, revokedAt: true } })) {
      endedAt.set(grant.id, grant.revokedAt);
    }
  }
  let deleted = 0;
  for (const { grantId, _count } of perGrant) {
    const ended = endedAt.get(grantId);
    // Not found: the grant was deleted with its user, client or workspace.
    const keep = ended === undefined || (ended !== null && ended < endedBefore) ? 0 : ACTIVITY_KEPT_PER_CONNECTION;
    if (_count._all <= keep) continue;
    deleted += await deleteInBatches(
      // Newest first, as the pages read them: the rows they show are always among those kept.
      (tx, take) => tx.connectionActivity.findMany({ where: { grantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: keep, take, select: { id: true } }),
      (tx, ids) => tx.connectionActivity.deleteMany({ where: { id: { in: ids } } }),
    );
  }
  return deleted;
}
