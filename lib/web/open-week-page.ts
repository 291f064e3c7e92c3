/**
 * What the Time page and the Timesheet both start from, once the page has its actor: today and
 * the week asked for (`?week=YYYY-MM-DD`, read in the
 * workspace's time zone), and — for those who may read everyone's time — the members to pick from.
 */
import "server-only";
import { can, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { localDateOf } from "@/lib/domain/dates";
import { listMembers } from "@/lib/domain/workspaces/list-members";
import { weekOf } from "./week";

type QueryValue = string | string[] | undefined;

/** The first value of a query parameter as Next hands it over. */
export const firstValue = (value: QueryValue) => (Array.isArray(value) ? value[0] : value);

export async function openWeekPage(actor: Actor, workspace: { timeZone: string }, query: { week?: QueryValue; member?: QueryValue }) {
  const timeZone = workspace.timeZone;
  const today = localDateOf(now(), timeZone);
  const week = weekOf(firstValue(query.week), today);
  const seesEveryone = can(actor, "time:read_all");
  const members = seesEveryone ? await listMembers(actor) : [];
  return { timeZone, today, week, seesEveryone, members, requestedMember: firstValue(query.member) };
}
