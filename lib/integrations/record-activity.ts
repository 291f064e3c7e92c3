/** One line of a connection's recent activity, for the Integrations pages. Never fails a request. */
import { db } from "@/lib/db";
import { bestEffortWrite } from "@/lib/db-errors";

export type ActivityOutcome = "ok" | "error" | "denied";

export async function recordActivity(grantId: string, kind: "tool" | "api", name: string, outcome: ActivityOutcome, detail?: string): Promise<void> {
  try {
    await bestEffortWrite("recording connection activity", () => db.connectionActivity.create({ data: { grantId, kind, name, outcome, detail: detail?.slice(0, 300) ?? null } }));
  } catch (error) {
    console.error("Could not record connection activity", error);
  }
}
