import { db } from "@/lib/db";

/**
 * A workspace's logo image (PNG or JPEG bytes), or null when `logoId` is not one of its logos.
 * Logo rows are immutable, so an invoice that froze a `logoId` always prints the logo it was sent with.
 * (Minimal version for the invoice PDF; the business-details work owns this file.)
 */
export async function getLogoImage(workspaceId: string, logoId: string): Promise<{ mimeType: string; data: Uint8Array } | null> {
  const row = await db.logoImage.findFirst({ where: { id: logoId, workspaceId }, select: { mimeType: true, data: true } });
  return row ? { mimeType: row.mimeType, data: new Uint8Array(row.data) } : null;
}
