import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { withBearerAuth, type BearerRefusalRenderer } from "./with-bearer-auth";

let header: string;

beforeAll(async () => {
  const user = await createUser(db, { name: "Mary Somerville" });
  const workspace = await createWorkspace(db, { name: "Somerville Press" });
  await addMember(db, workspace.id, user.id, "owner");
  const clientId = await createTestClient({ kind: "dynamic" });
  header = `Bearer ${(await tokensFor({ clientId, userId: user.id, workspaceId: workspace.id, scope: "hourbook:read" })).access_token}`;
});

afterEach(() => vi.restoreAllMocks());

const render: BearerRefusalRenderer = {
  refused: (refusal) => Response.json({ refused: refusal }, { status: refusal.status }),
  storageUnavailable: (storage) => Response.json({ storage: storage.problem }, { status: 503 }),
};

const request = (authorization?: string) => new Request("http://127.0.0.1/mcp", { method: "POST", headers: authorization ? { authorization } : {} });

describe("withBearerAuth", () => {
  it("hands the live connection and the route's own arguments to the handler", async () => {
    const handler = vi.fn(async (_request: Request, connection: { workspaceName: string }, extra: string) => Response.json({ workspace: connection.workspaceName, extra }));
    const response = await withBearerAuth("mcp", render, handler)(request(header), "route context");
    expect(await response.json()).toEqual({ workspace: "Somerville Press", extra: "route context" });
  });

  it("answers a refused token through the surface's renderer, and never runs the handler", async () => {
    const handler = vi.fn();
    const response = await withBearerAuth("mcp", render, handler)(request());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ refused: { status: 401, error: null, description: "An access token is required." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers unreadable storage through the surface's renderer", async () => {
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    vi.spyOn(db, "$queryRaw").mockRejectedValueOnce(full);
    const response = await withBearerAuth("mcp", render, vi.fn())(request(header));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ storage: "full" });
  });

  it("lets any other failure through instead of calling it a storage problem", async () => {
    const failure = new Error("a bug");
    vi.spyOn(db, "$queryRaw").mockRejectedValueOnce(failure);
    await expect(withBearerAuth("mcp", render, vi.fn())(request(header))).rejects.toBe(failure);
  });
});
