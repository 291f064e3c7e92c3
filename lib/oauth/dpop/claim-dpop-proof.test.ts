import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sweepBookkeeping } from "@/lib/integrations/bookkeeping-sweeps";
import { claimDpopProof, deleteExpiredDpopProofs } from "./claim-dpop-proof";
import { DPOP_IAT_WINDOW_SECONDS } from "./validate-dpop-proof";

const fresh = (jkt = `jkt-${randomBytes(6).toString("hex")}`) => ({ jkt, jti: randomBytes(12).toString("base64url"), iat: Math.floor(Date.now() / 1000) });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("claimDpopProof (RFC 9449 §11.1)", () => {
  it("accepts a jti once and refuses it again with invalid_dpop_proof", async () => {
    const proof = fresh();
    await claimDpopProof(proof);
    await expect(claimDpopProof(proof)).rejects.toMatchObject({ code: "invalid_dpop_proof", description: expect.stringMatching(/already used/) });
  });

  it("keeps keys apart: the same jti under another key is another proof", async () => {
    const proof = fresh();
    await claimDpopProof(proof);
    await expect(claimDpopProof({ ...proof, jkt: `${proof.jkt}-other` })).resolves.toBeUndefined();
  });

  it("lets exactly one of eight concurrent presentations of one proof through", async () => {
    const proof = fresh();
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => claimDpopProof(proof)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill("invalid_dpop_proof"));
  });

  it("remembers a proof until its iat leaves the window, then the sweep forgets it", async () => {
    const proof = fresh();
    await claimDpopProof(proof);
    const row = await db.oAuthDpopProof.findUniqueOrThrow({ where: { jkt_jti: { jkt: proof.jkt, jti: proof.jti } } });
    expect(row.expiresAt.getTime()).toBe((proof.iat + DPOP_IAT_WINDOW_SECONDS + 1) * 1000);

    await deleteExpiredDpopProofs(new Date(row.expiresAt.getTime() - 1000));
    expect(await db.oAuthDpopProof.count({ where: { jkt: proof.jkt } })).toBe(1);
    expect((await sweepBookkeeping(row.expiresAt)).dpopProofs).toBeGreaterThanOrEqual(1);
    expect(await db.oAuthDpopProof.count({ where: { jkt: proof.jkt } })).toBe(0);
  });

  it("lets a storage failure through rather than calling it a replay", async () => {
    const failure = new Error("unable to open database file");
    vi.spyOn(db.oAuthDpopProof, "create").mockRejectedValueOnce(failure);
    await expect(claimDpopProof(fresh())).rejects.toBe(failure);
  });
});
