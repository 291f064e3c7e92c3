import { workspaceDownload } from "@/lib/auth/workspace-download";
import { csvDownload } from "@/lib/http/csv-response";
import { exportInvoicesForQuery } from "@/lib/web/export-filters";

export const dynamic = "force-dynamic";

/** The invoice list for `?status&kind&client`, every page of it, as a streamed CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const query = new URL(request.url).searchParams;
  return workspaceDownload(request, workspace, async (actor) => csvDownload(await exportInvoicesForQuery(actor, query)));
}
