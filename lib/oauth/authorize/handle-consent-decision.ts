/** POST /oauth/consent/decision: the consent form's answer, as a redirect to follow. */
import { invalidRequest } from "../errors";
import { answerAuthorizationError, type ErrorAnswer } from "./answer-authorization-error";
import { ConsentError, type ConsentErrorCode } from "./consent-errors";
import { approveAuthorization, denyAuthorization } from "./decide-authorization";
import { findHeldRequest, responseTargetOf } from "./hold-authorization-request";

export type ConsentOutcome = ErrorAnswer | { kind: "retry"; requestId: string; error: ConsentErrorCode };

export async function handleConsentDecision(form: FormData, userId: string): Promise<ConsentOutcome> {
  const requestId = form.get("request");
  const decision = form.get("decision");
  if (typeof requestId !== "string" || !requestId) return answerAuthorizationError(invalidRequest("The consent form is incomplete."), undefined);
  try {
    if (decision === "deny") return { kind: "redirect", url: await denyAuthorization(requestId, userId) };
    if (decision !== "approve") throw new ConsentError("choose_decision");
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
    // Nothing was granted (a refused write rolls back). The held request still carries the
    // redirect URI validated at /oauth/authorize, so the client hears of it there; gone, our page says it.
    const held = await findHeldRequest(requestId, userId).catch(() => null);
    return answerAuthorizationError(error, held ? responseTargetOf(held) : undefined);
  }
}
