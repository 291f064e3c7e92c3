/**
 * A workspace's logo image, for signed-in members of that workspace only: another workspace's
 * logo, a workspace one does not belong to and an unknown id are all the same 404. Served with
 * its stored type (PNG or JPEG, checked by magic bytes at upload) and nosniff.
 */
import { getSignedInUser } from "@/lib/auth/session";
import { resolveActor } from "@/lib/domain/actor";
import { isDomainError } from "@/lib/domain/errors";
import { getLogoImage } from "@/lib/domain/workspaces/get-logo-image";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ workspace: string; logoId: string }> }) {
  const { workspace: slug, logoId } = await params;
  const user = await getSignedInUser();
  if (!user) return plain(401, "Sign in to see this image.");
  // Not a member (or no longer an active one): the same miss as an unknown logo.
  const actor = await resolveActor(user.id, { slug }).catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
  const logo = actor ? await getLogoImage(actor.workspaceId, logoId) : null;
  if (!logo) return plain(404, "Not found.");
  return new Response(new Uint8Array(logo.data), {
    headers: {
      "Content-Type": logo.mimeType,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      // A logo never changes (a new upload is a new id), but membership can: keep it private and short.
      "Cache-Control": "private, max-age=300",
    },
  });
}
