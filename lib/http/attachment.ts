/**
 * `Content-Disposition: attachment` for a file we name (RFC 6266). Quotes, backslashes, line
 * breaks and path separators become "_", so a name built from a user's prefix ("CN-/../0001.pdf")
 * can neither break the header nor suggest a folder.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/["\\\r\n/]/g, "_")}"`;
}
