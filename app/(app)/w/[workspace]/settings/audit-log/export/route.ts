import { workspaceDownload } from "@/lib/auth/workspace-download";
import { csvDownload } from "@/lib/http/csv-response";
import { exportAuditEventsForQuery } from "@/lib/web/export-filters";

export const dynamic = "force-dynamic";

/**
 * The filtered audit log as a CSV download, streamed a page at a time (owners and admins). The
 * filter and the permission are checked before the response starts, so a refusal is a plain
 * 400/403/404 with the reason rather than a broken file.
 */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const query = new URL(request.url).searchParams;
  return workspaceDownload(request, workspace, async (actor) => csvDownload(await exportAuditEventsForQuery(actor, query)));
}
