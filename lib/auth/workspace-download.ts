/**
 * Downloads from the web app (a file, not a page): the signed-in member acting in the
 * workspace of the URL, then one domain call that answers the file. A visitor who is not signed
 * in goes to the sign-in page and comes back, told so when their session was ended, as from a
 * page (signInRedirect, on APP_URL); a workspace they are not in, and anything the
 * domain does not find, is a 404; a role that may not see it a 403; bad input a 400 — each
 * with the domain's message as plain text.
 */
import { attachmentDisposition } from "@/lib/http/attachment";
import "server-only";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { isDomainError, type DomainError } from "@/lib/domain/errors";
import { resolveSession, signInRedirect } from "./session";

export interface Download {
  fileName: string;
  mediaType: string;
  /** The bytes, or a stream of them (a CSV export, read from the database as it is sent). */
  data: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
}

const STATUS: Record<DomainError["code"], number> = { invalid_input: 400, forbidden: 403, not_found: 404, conflict: 409 };

export async function workspaceDownload(request: Request, slug: string, produce: (actor: Actor) => Promise<Download>): Promise<Response> {
  const session = await resolveSession();
  if (!("user" in session)) {
    const url = new URL(request.url);
    return signInRedirect(`${url.pathname}${url.search}`, session.refused);
  }
  try {
    const file = await produce(await resolveActor(session.user.id, { slug }));
    return new Response(file.data, {
      headers: {
        "Content-Type": file.mediaType,
        ...(file.data instanceof ReadableStream ? {} : { "Content-Length": String(file.data.byteLength) }),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // An inactive membership is a forbidden from resolveActor: the same 403 as a role refusal.
    return new Response(error.message, { status: STATUS[error.code], headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
