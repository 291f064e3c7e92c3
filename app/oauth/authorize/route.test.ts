import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { authorizationQuery, createTestClient } from "@/lib/testing/oauth-flow";
import { GET } from "./route";

const session = vi.hoisted(() => ({ refused: "none" as "none" | "ended" }));
// Only the session's resolution (next-auth's cookie) is replaced; the sign-in redirect is the real code.
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  resolveSession: async () => ({ refused: session.refused }),
}));

describe("GET /oauth/authorize without a session", () => {
  it.each([
    ["nobody signed in", "none", null],
    ["a session that was ended (password reset)", "ended", "session-ended"],
  ] as const)("sends %s to sign in and back to this request, with the pages' notice when it applies", async (_, refused, notice) => {
    session.refused = refused;
    const query = authorizationQuery({ clientId: await createTestClient() });
    const res = await GET(new Request(`${env.APP_URL}/oauth/authorize?${query}`));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe(`/oauth/authorize?${query}`);
    expect(location.searchParams.get("notice")).toBe(notice);
  });

  it("sends them to sign in on APP_URL, not on the host the request reached behind a proxy", async () => {
    session.refused = "none";
    const query = authorizationQuery({ clientId: await createTestClient() });
    const res = await GET(new Request(`http://10.0.0.7:3400/oauth/authorize?${query}`, { headers: { "X-Forwarded-Proto": "https" } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${env.APP_URL}/login?callbackUrl=${encodeURIComponent(`/oauth/authorize?${query}`)}`);
  });
});
