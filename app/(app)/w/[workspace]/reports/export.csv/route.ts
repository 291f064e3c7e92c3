import { workspaceDownload } from "@/lib/auth/workspace-download";
import { csvDownload } from "@/lib/http/csv-response";
import { exportReportForQuery } from "@/lib/web/export-filters";

export const dynamic = "force-dynamic";

/** The report the page shows for `?kind&groupBy&from&to`, as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const query = new URL(request.url).searchParams;
  return workspaceDownload(request, workspace, async (actor) => csvDownload(await exportReportForQuery(actor, query)));
}
