import { beforeEach, describe, expect, it, vi } from "vitest";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

const { viewerTimeZone } = await import("./viewer-time-zone");

describe("viewerTimeZone", () => {
  beforeEach(() => jar.clear());

  it("takes the zone the browser reported", async () => {
    jar.set("tz", "America/New_York");
    expect(await viewerTimeZone("Europe/London")).toBe("America/New_York");
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["markup", "<b>UTC</b>"],
    ["an empty value", ""],
  ])("ignores a cookie with %s and falls back to the workspace's zone", async (_, value) => {
    jar.set("tz", value);
    expect(await viewerTimeZone("Europe/London")).toBe("Europe/London");
  });

  it("falls back to the workspace's zone without a cookie, and to UTC without either", async () => {
    expect(await viewerTimeZone("Europe/London")).toBe("Europe/London");
    expect(await viewerTimeZone()).toBe("UTC");
  });
});
