/**
 * Sets the workspace's logo from an uploaded image: PNG or JPEG (what the PDF library embeds),
 * at most 512 KB. The type is read from the file's first bytes, not from what the browser or
 * client declared, so a renamed file is refused. Each upload is a new immutable LogoImage row;
 * the previous one stays, because sent invoices point at the logo they were sent with.
 * Owners only (`workspace:manage`).
 */
import { assertCan, type Actor } from "@/lib/domain/actor";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { invalidInput } from "@/lib/domain/errors";
import { isEmbeddableImage } from "@/lib/domain/invoices/render-invoice-pdf";
import { MAX_LOGO_BYTES } from "./logo-limits";

export { MAX_LOGO_BYTES };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (data: Uint8Array, signature: number[]) => signature.every((byte, i) => data[i] === byte);

/** "image/png" or "image/jpeg" from the file's magic bytes; null for anything else. */
export function logoImageType(data: Uint8Array): "image/png" | "image/jpeg" | null {
  if (startsWith(data, PNG_SIGNATURE)) return "image/png";
  if (startsWith(data, JPEG_SIGNATURE)) return "image/jpeg";
  return null;
}

export interface UploadLogoInput {
  /** The file's bytes, as uploaded. */
  data: Uint8Array;
}

/**
 * @returns the new logo's id and type
 * @throws forbidden for admins and members; invalid_input on `logo` for an empty file, one over
 *   512 KB, one that is not a PNG or JPEG image, or one the PDF library cannot read (nothing is stored)
 */
export async function uploadLogo(actor: Actor, input: UploadLogoInput): Promise<{ logoId: string; mimeType: string }> {
  assertCan(actor, "workspace:manage", "change the logo");
  const { data } = input;
  if (data.byteLength === 0) throw invalidInput("Choose an image file for the logo.", { logo: "is empty: choose a PNG or JPEG image" });
  if (data.byteLength > MAX_LOGO_BYTES) {
    throw invalidInput("The logo is too large: at most 512 KB.", { logo: `must be at most 512 KB (this file is ${Math.ceil(data.byteLength / 1024)} KB)` });
  }
  const mimeType = logoImageType(data);
  if (!mimeType) throw invalidInput("The logo must be a PNG or JPEG image.", { logo: "must be a PNG or JPEG image" });
  if (!isEmbeddableImage(data)) {
    throw invalidInput("The logo could not be read as an image: the file looks damaged or incomplete.", { logo: "is not a readable PNG or JPEG image" });
  }
  const logoId = await db.$transaction(async (tx) => {
    const current = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { logoId: true } });
    const logo = await tx.logoImage.create({ data: { workspaceId: actor.workspaceId, mimeType, data: Buffer.from(data) } });
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { logoId: logo.id } });
    await recordAuditEvent(
      { type: "settings.changed", workspaceId: actor.workspaceId, userId: actor.userId, detail: { changes: [{ field: "Logo", from: current.logoId ? "an image" : "none", to: `a new ${mimeType === "image/png" ? "PNG" : "JPEG"} image` }] } },
      tx,
    );
    return logo.id;
  });
  return { logoId, mimeType };
}
