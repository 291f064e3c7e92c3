import { describe, expect, it } from "vitest";
import { isCrossSiteServerAction } from "./server-action-origin";

const ACTION = { "next-action": "7f3a9c", "content-type": "text/plain;charset=UTF-8" };
const FORM = { "content-type": "multipart/form-data; boundary=----x" };

describe("isCrossSiteServerAction", () => {
  it.each<[string, string, Record<string, string>]>([
    ["an action from another site", "POST", { ...ACTION, host: "hourbook.example", origin: "https://evil.example" }],
    ["a form post without JavaScript from another site", "POST", { ...FORM, host: "hourbook.example", origin: "https://evil.example" }],
    ["an action from another port of our host", "POST", { ...ACTION, host: "127.0.0.1:3200", origin: "http://127.0.0.1:3201" }],
    ["an action from an opaque origin (sandboxed frame)", "POST", { ...ACTION, host: "hourbook.example", origin: "null" }],
    ["an action with an unparsable Origin", "POST", { ...ACTION, host: "hourbook.example", origin: "not a url" }],
    ["an action whose Origin is not the forwarded host", "POST", { ...ACTION, host: "internal:3000", "x-forwarded-host": "hourbook.example", origin: "https://internal:3000" }],
  ])("refuses %s", (_, method, headers) => {
    expect(isCrossSiteServerAction(method, new Headers(headers))).toBe(true);
  });

  it.each<[string, string, Record<string, string>]>([
    ["an action from our own page", "POST", { ...ACTION, host: "127.0.0.1:3200", origin: "http://127.0.0.1:3200" }],
    ["a form post from our own page", "POST", { ...FORM, host: "hourbook.example", origin: "https://hourbook.example" }],
    ["an action behind a proxy that forwards the host", "POST", { ...ACTION, host: "internal:3000", "x-forwarded-host": "hourbook.example, internal", origin: "https://hourbook.example" }],
    ["an action without Origin (not a browser's cross-site request)", "POST", { ...ACTION, host: "hourbook.example" }],
    ["a GET", "GET", { "next-action": "7f3a9c", host: "hourbook.example", origin: "https://evil.example" }],
    ["a JSON POST that is no server action", "POST", { "content-type": "application/json", host: "hourbook.example", origin: "https://evil.example" }],
    ["a url-encoded POST that is no server action", "POST", { "content-type": "application/x-www-form-urlencoded", host: "hourbook.example", origin: "https://evil.example" }],
  ])("lets through %s", (_, method, headers) => {
    expect(isCrossSiteServerAction(method, new Headers(headers))).toBe(false);
  });
});
