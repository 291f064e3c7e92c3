/**
 * The filtered audit log as a CSV download, streamed a page at a time (owners and admins). The
 * filter and the permission are checked before the response starts, so a refusal is a plain
 * 400/403/404 with the reason rather than a broken file.
 */
import { getSignedInUser } from "@/lib/auth/session";
import { resolveActor } from "@/lib/domain/actor";
import { exportAuditEvents } from "@/lib/domain/audit/export-audit-events";
import { isDomainError, type DomainError } from "@/lib/domain/errors";
import { attachmentDisposition } from "@/lib/http/attachment";

export const dynamic = "force-dynamic";

const STATUS: Record<DomainError["code"], number> = { invalid_input: 400, forbidden: 403, not_found: 404, conflict: 409 };

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const url = new URL(request.url);
  const user = await getSignedInUser();
  if (!user) return Response.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(`${url.pathname}${url.search}`)}`, url), 303);
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  try {
    const actor = await resolveActor(user.id, { slug });
    const { fileName, chunks } = await exportAuditEvents(actor, { who: get("who"), what: get("what"), from: get("from"), to: get("to") });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition(fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return new Response(error.message, { status: STATUS[error.code], headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
