/**
 * What the Time page and the Timesheet both start from: the signed-in member acting in the
 * workspace of the URL, today and the week asked for (`?week=YYYY-MM-DD`, read in the
 * workspace's time zone), and — for those who may read everyone's time — the members to pick from.
 */
import "server-only";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { localDateOf } from "@/lib/domain/dates";
import { listMembers } from "@/lib/domain/workspaces/list-members";
import { weekOf } from "./week";

type QueryValue = string | string[] | undefined;

/** The first value of a query parameter as Next hands it over. */
export const firstValue = (value: QueryValue) => (Array.isArray(value) ? value[0] : value);

export async function openWeekPage(slug: string, query: { week?: QueryValue; member?: QueryValue }) {
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const timeZone = workspace.timeZone;
  const today = localDateOf(now(), timeZone);
  const week = weekOf(firstValue(query.week), today);
  const seesEveryone = can(actor, "time:read_all");
  const members = seesEveryone ? await listMembers(actor) : [];
  return { actor, workspace, timeZone, today, week, seesEveryone, members, requestedMember: firstValue(query.member) };
}
