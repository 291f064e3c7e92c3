/** POST /oauth/consent/decision: the consent form's answer, as a redirect to follow. */
import { storageRefusal } from "../errors";
import type { ConsentErrorCode } from "./consent-errors";
import { approveAuthorization, ConsentError, denyAuthorization, unavailableAnswer } from "./decide-authorization";

export type ConsentOutcome =
  | { kind: "redirect"; url: string }
  | { kind: "retry"; requestId: string; error: ConsentErrorCode }
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; message: string; retryAfterSeconds?: number };

export async function handleConsentDecision(form: FormData, userId: string): Promise<ConsentOutcome> {
  const requestId = form.get("request");
  const decision = form.get("decision");
  if (typeof requestId !== "string" || !requestId) return { kind: "invalid", message: "The consent form is incomplete." };
  try {
    if (decision === "deny") return { kind: "redirect", url: await denyAuthorization(requestId, userId) };
    if (decision !== "approve") return { kind: "retry", requestId, error: "choose_decision" };
    const workspaceId = form.get("workspace_id");
    const url = await approveAuthorization({
      requestId,
      userId,
      workspaceId: typeof workspaceId === "string" && workspaceId ? workspaceId : undefined,
      selectedScopes: form.getAll("scope").filter((s): s is string => typeof s === "string"),
    });
    return { kind: "redirect", url };
  } catch (error) {
    if (error instanceof ConsentError) return { kind: "retry", requestId, error: error.code };
    // Storage refused to record the answer: the client is told temporarily_unavailable
    // (RFC 6749 §4.1.2.1) and may start again later; nothing was granted.
    const refusal = storageRefusal(error);
    if (!refusal) throw error;
    const url = await unavailableAnswer(requestId, userId, refusal.description).catch(() => null);
    return url ? { kind: "redirect", url } : { kind: "unavailable", message: refusal.description, retryAfterSeconds: refusal.retryAfterSeconds };
  }
}
