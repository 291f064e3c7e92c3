import { workspaceDownload } from "@/lib/auth/workspace-download";
import { getOutboxAttachment } from "@/lib/domain/invoices/get-outbox-attachment";

export const dynamic = "force-dynamic";

/** The PDF an outbox message was sent with, byte for byte as stored. */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; id: string; messageId: string }> }) {
  const { workspace, id, messageId } = await params;
  return workspaceDownload(request, workspace, async (actor) => ({ mediaType: "application/pdf", ...(await getOutboxAttachment(actor, id, messageId)) }));
}
