export const SERVER_NAME = "hourbook";
export const SERVER_VERSION = "0.1.0";

/** What the model is told about working with Hourbook (MCP `instructions`). */
export function serverInstructions(workspaceName: string): string {
  return [
    `You are connected to the Hourbook workspace "${workspaceName}" — time tracking and invoicing. Every tool works inside this one workspace; the user chose it when connecting and cannot switch it from here.`,
    "Money amounts are integers in the workspace currency's minor units (cents); durations are seconds; dates are YYYY-MM-DD in the workspace's time zone.",
    "Consequential tools (send_invoice, record_invoice_payment, void_invoice, delete_time_entry, discard_timer) work in two steps: the first call changes nothing and returns a summary and a confirmation_token. Show the summary to the user, and only after they agree call again with the same arguments plus that confirmation_token (valid 5 minutes). Where the workspace requires the person's approval in Hourbook, the first call also returns an approval_url: give the user that link, and repeat the call after they approved (until then it answers \"waiting for approval\"). If your client supports elicitation (MCP 2026-07-28), the first call instead asks the user directly and the client repeats the call with their answer.",
    "Create tools, create_invoice_draft and record_invoice_payment accept an optional idempotency_key: reuse the same key when retrying after a timeout so nothing is created twice.",
    "The user's running timer: get_running_timer shows it; start_timer starts one (one runs at a time; stop_running: true stops the running one into a time entry first); stop_timer turns it into a time entry; continue_time_entry starts one like an earlier entry.",
    "Tools you cannot see are not allowed for this connection (its approved access, the user's role, or the workspace's billing state).",
  ].join("\n\n");
}
