/**
 * Asks the person to approve one consequential action in Hourbook (out of band, in the manner
 * of OpenID CIBA: the app waits, the person decides in the browser). The approval belongs to
 * a confirmation token and lives exactly as long; it does not perform anything itself.
 */
import type { DbTx } from "@/lib/db";
import { approvalUrl } from "./approval-view";

export interface ApprovalRequest {
  confirmationId: string;
  grantId: string;
  userId: string;
  workspaceId: string;
  clientId: string;
  appName: string;
  operation: string;
  summary: string;
  expiresAt: Date;
}

/** @param tx the transaction that stores the confirmation token, so both exist or neither */
export async function requestApproval(request: ApprovalRequest, tx: DbTx): Promise<{ id: string; url: string }> {
  const { id } = await tx.actionApproval.create({ data: request, select: { id: true } });
  return { id, url: approvalUrl(id) };
}
