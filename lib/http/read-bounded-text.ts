/**
 * Reads a request body as UTF-8 text, at most `maxBytes` of it: a declared Content-Length over
 * the limit is refused before reading, and since it may be absent (chunked) or wrong, what
 * actually arrives is counted and reading stops as soon as it passes the limit. Bytes that are
 * not UTF-8 are refused rather than silently replaced (which would store "�" in a name).
 */
export type BodyText = { text: string } | { refused: "too_large" | "not_utf8" };

const UTF8 = new TextDecoder("utf-8", { fatal: true });

export async function readBoundedText(request: Request, maxBytes: number): Promise<BodyText> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return { refused: "too_large" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { refused: "too_large" };
    }
    chunks.push(value);
  }
  try {
    return { text: UTF8.decode(Buffer.concat(chunks)) };
  } catch {
    return { refused: "not_utf8" };
  }
}

/** The body as JSON (RFC 8259 §8.1: UTF-8), at most `maxBytes`; "not_json" also covers bytes that are not UTF-8. */
export async function readBoundedJson(request: Request, maxBytes: number): Promise<{ json: unknown } | { refused: "too_large" | "not_json" }> {
  const body = await readBoundedText(request, maxBytes);
  if ("refused" in body) return { refused: body.refused === "too_large" ? "too_large" : "not_json" };
  try {
    return { json: JSON.parse(body.text) };
  } catch {
    return { refused: "not_json" };
  }
}
