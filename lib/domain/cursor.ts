/**
 * Opaque keyset cursors: "(sort value, id)" of the last row served, base64url-encoded,
 * so the next page starts strictly after it even when rows share a timestamp.
 */
import { invalidInput } from "@/lib/domain/errors";

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) throw invalidInput("The cursor is not valid; start again without one.", { cursor: "is not valid" });
  return { at, id };
}
