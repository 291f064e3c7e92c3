/** Whether the workspace's policy wants the person to approve this operation in Hourbook before it runs. */
import { db } from "@/lib/db";
import { parseApprovalOperations } from "./approval-operations";

export async function requiresApproval(workspaceId: string, operation: string): Promise<boolean> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { integrationApprovalOperations: true } });
  return workspace !== null && (parseApprovalOperations(workspace.integrationApprovalOperations) as string[]).includes(operation);
}
