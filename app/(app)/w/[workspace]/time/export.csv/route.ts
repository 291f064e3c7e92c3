import { workspaceDownload } from "@/lib/auth/workspace-download";
import { csvDownload } from "@/lib/http/csv-response";
import { exportTimeEntriesForQuery } from "@/lib/web/export-filters";

export const dynamic = "force-dynamic";

/** The time entries the time page's filters match, as a streamed CSV (lib/web/export-filters.ts names the query). */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  const query = new URL(request.url).searchParams;
  return workspaceDownload(request, workspace, async (actor) => csvDownload(await exportTimeEntriesForQuery(actor, query)));
}
