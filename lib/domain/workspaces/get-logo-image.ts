/**
 * Reads one stored logo image of a workspace: `{ mimeType: "image/png" | "image/jpeg", data }`
 * (the raw bytes), or null when the workspace has no logo with that id — another workspace's
 * logo is the same miss. No actor check here: callers have already decided the person may see
 * the document or page the logo belongs to (the invoice PDF, the settings page's logo route).
 * Logos are immutable, so a sent invoice's frozen `seller.logoId` keeps finding the logo it was
 * sent with even after the workspace removed or replaced it.
 */
import { db } from "@/lib/db";

export interface LogoImageData {
  mimeType: string;
  data: Uint8Array;
}

export async function getLogoImage(workspaceId: string, logoId: string): Promise<LogoImageData | null> {
  const row = await db.logoImage.findFirst({ where: { id: logoId, workspaceId }, select: { mimeType: true, data: true } });
  return row ? { mimeType: row.mimeType, data: new Uint8Array(row.data) } : null;
}
