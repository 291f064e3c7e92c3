import { workspaceDownload } from "@/lib/auth/workspace-download";
import { invalidInput } from "@/lib/domain/errors";
import { getInvoicePdf } from "@/lib/domain/invoices/get-invoice-pdf";

export const dynamic = "force-dynamic";

/** The invoice as a PDF download; `?size=a4|letter` (default the workspace's paper size). */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace, id } = await params;
  const size = new URL(request.url).searchParams.get("size") ?? undefined;
  return workspaceDownload(request, workspace, async (actor) => {
    if (size !== undefined && size !== "a4" && size !== "letter") throw invalidInput(`size must be a4 or letter, not "${size.slice(0, 20)}".`, { size: "must be a4 or letter" });
    return { mediaType: "application/pdf", ...(await getInvoicePdf(actor, id, { paperSize: size })) };
  });
}
