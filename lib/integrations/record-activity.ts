/**
 * One line of a connection's recent activity, for the Integrations pages. Never fails a request
 * and costs it no database write: lines are written behind, in batches
 * (lib/domain/connections/record-connection-activity.ts).
 */
import type { ActivityOutcome } from "@/lib/domain/connections/connection-view";
import { recordConnectionActivity } from "@/lib/domain/connections/record-connection-activity";

export async function recordActivity(grantId: string, kind: "tool" | "api", name: string, outcome: ActivityOutcome, detail?: string): Promise<void> {
  recordConnectionActivity({ grantId, kind, name, outcome, detail });
}
