/**
 * Why a consent answer could not be carried out, as a code the decision route puts in the
 * consent page's URL (`?error=<code>`). The page shows only the fixed message of a code it
 * knows: the query string is anyone's to write, so its text is never shown as it came.
 *
 * These are not OAuth errors: the client never hears of them, and the person is asked again
 * on the consent page. Everything else that stops a decision is an OAuthError, answered by
 * answer-authorization-error.ts.
 */
export const CONSENT_ERRORS = {
  stale_request: "This authorization request has expired or was already answered. Start again from the app.",
  choose_workspace: "Choose the workspace this app may use.",
  client_gone: "This application is no longer registered.",
  not_a_member: "You are not a member of that workspace.",
  workspace_ineligible: "That workspace cannot be connected; the reason is shown next to it. Choose another one.",
  no_scopes: "Leave at least one permission ticked, or deny the request.",
  nothing_usable: "Nothing left ticked can be used in that workspace now. Tick more, or deny the request.",
  choose_decision: "Choose Approve or Deny.",
} as const;

export type ConsentErrorCode = keyof typeof CONSENT_ERRORS;

/** A decision the person can correct; the consent page shows the fixed message of its code. */
export class ConsentError extends Error {
  constructor(readonly code: ConsentErrorCode) {
    super(CONSENT_ERRORS[code]);
    this.name = "ConsentError";
  }
}

/** The message for an `?error=` value: ours when the code is known, otherwise none. */
export function consentErrorMessage(code: string | undefined): string | null {
  if (!code || !Object.hasOwn(CONSENT_ERRORS, code)) return null;
  return CONSENT_ERRORS[code as ConsentErrorCode];
}
