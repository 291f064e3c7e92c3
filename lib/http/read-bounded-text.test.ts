import { describe, expect, it } from "vitest";
import { readBoundedJson, readBoundedText } from "./read-bounded-text";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://127.0.0.1/x", { method: "POST", body, headers });
const NOT_UTF8 = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"n":"<FF FE>"}

describe("readBoundedText", () => {
  it("reads UTF-8 text up to the limit", async () => {
    expect(await readBoundedText(post("Ada Lovelace — 1815"), 64)).toEqual({ text: "Ada Lovelace — 1815" });
  });

  it("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    expect(await readBoundedText(post(NOT_UTF8), 64)).toEqual({ refused: "not_utf8" });
  });

  it("refuses a body over the limit, declared or not", async () => {
    expect(await readBoundedText(post("x".repeat(65)), 64)).toEqual({ refused: "too_large" });
    expect(await readBoundedText(post("x", { "content-length": "65" }), 64)).toEqual({ refused: "too_large" });
  });
});

describe("readBoundedJson", () => {
  it("parses a JSON body", async () => {
    expect(await readBoundedJson(post('{"name":"Babbage"}'), 64)).toEqual({ json: { name: "Babbage" } });
  });

  it("refuses JSON that is not UTF-8, and text that is not JSON", async () => {
    expect(await readBoundedJson(post(NOT_UTF8), 64)).toEqual({ refused: "not_json" });
    expect(await readBoundedJson(post("{name:"), 64)).toEqual({ refused: "not_json" });
  });

  it("refuses a body over the limit", async () => {
    expect(await readBoundedJson(post(`"${"x".repeat(70)}"`), 64)).toEqual({ refused: "too_large" });
  });
});
