/**
 * Reads a request body as UTF-8 text, at most `maxBytes` of it: a declared Content-Length over
 * the limit is refused before reading, and since it may be absent (chunked) or wrong, what
 * actually arrives is counted and reading stops as soon as it passes the limit.
 * Returns null when the body is too large.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
