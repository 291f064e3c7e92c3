import { workspaceDownload } from "@/lib/auth/workspace-download";
import { getInvoicePdf } from "@/lib/domain/invoices/get-invoice-pdf";
import { invoicePdfOptions } from "@/lib/web/export-filters";

export const dynamic = "force-dynamic";

/** The invoice as a PDF download; `?size=a4|letter` (default the workspace's paper size). */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace, id } = await params;
  const query = new URL(request.url).searchParams;
  return workspaceDownload(request, workspace, async (actor) => ({ mediaType: "application/pdf", ...(await getInvoicePdf(actor, id, invoicePdfOptions(query))) }));
}
