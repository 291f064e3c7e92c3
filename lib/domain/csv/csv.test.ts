import { describe, expect, it } from "vitest";
import { csvField, csvMoney, CsvNumber, csvRecord, csvStream, UTF8_BOM } from "./csv";

describe("CSV fields (RFC 4180)", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    ["Zoë — ünïcode", "Zoë — ünïcode"],
  ])("writes %j as %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+31 6 1234", "'+31 6 1234"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["a=b", "a=b"],
  ])("guards text %j against formula injection as %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("writes numbers, booleans and empty values as they are", () => {
    expect(csvRecord([1, -2.5, true, false, null, undefined, csvMoney(-1250), new CsvNumber("-3")])).toBe("1,-2.5,yes,no,,,-12.50,-3\r\n");
  });

  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [123456, "1234.56"],
  ])("writes %i minor units as %s", (minor, text) => {
    expect(csvMoney(minor).text).toBe(text);
  });

  it("refuses to write text or infinity as a number", () => {
    expect(() => new CsvNumber("=1")).toThrow(RangeError);
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });
});

describe("csvStream", () => {
  it("reads a page only when the previous one has been taken", async () => {
    const served: number[] = [];
    async function* pages() {
      for (let page = 0; page < 3; page++) {
        served.push(page);
        yield [[`row ${page}`, page]];
      }
    }
    const reader = csvStream({ fileName: "x.csv", header: ["Name", "N"], pages: pages() }).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe("Name,N\r\n");
    expect(decoder.decode((await reader.read()).value)).toBe("row 0,0\r\n");
    expect(served.length).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(served.length).toBeLessThanOrEqual(2);
  });

  async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<number[]> {
    return [...new Uint8Array(await new Response(stream).arrayBuffer())];
  }
  const zoe = () => ({ fileName: "x.csv", header: ["Name"], pages: (async function* () { yield [["Zoë"]]; })() });
  const utf8 = (text: string) => [...new TextEncoder().encode(text)];

  it("starts with the UTF-8 byte order mark EF BB BF when asked, before the header", async () => {
    expect([...UTF8_BOM]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await bytesOf(csvStream(zoe(), { byteOrderMark: true }))).toEqual([0xef, 0xbb, 0xbf, ...utf8("Name\r\nZoë\r\n")]);
  });

  it("gives each download a mark of its own: a consumer writing into its chunk changes no other download", async () => {
    const first = (await csvStream(zoe(), { byteOrderMark: true }).getReader().read()).value;
    first?.fill(0);
    expect([...UTF8_BOM]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await bytesOf(csvStream(zoe(), { byteOrderMark: true }))).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes no byte order mark by default (RFC 4180 text for scripts)", async () => {
    expect(await bytesOf(csvStream(zoe()))).toEqual(utf8("Name\r\nZoë\r\n"));
    expect(await bytesOf(csvStream(zoe(), { byteOrderMark: false }))).toEqual(utf8("Name\r\nZoë\r\n"));
  });
});
