import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./attachment";

describe("attachmentDisposition", () => {
  it.each([
    ["INV-0004.pdf", 'attachment; filename="INV-0004.pdf"'],
    ["CN-/../0001.pdf", 'attachment; filename="CN-_.._0001.pdf"'],
    ['a"b\\c\r\nd.pdf', 'attachment; filename="a_b_c__d.pdf"'],
  ])("%j → %s", (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });
});
