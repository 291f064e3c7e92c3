/**
 * The consequential operations a workspace can make wait for the person's approval in Hourbook,
 * and the words for them. The policy is stored as operation names, space-separated
 * (Workspace.integrationApprovalOperations); by default sending, payments and voids wait.
 */
export const APPROVAL_OPERATIONS = {
  send_invoice: "Sending an invoice",
  record_invoice_payment: "Recording a payment",
  void_invoice: "Voiding an invoice",
  delete_time_entry: "Deleting a time entry",
} as const;

export type ApprovalOperation = keyof typeof APPROVAL_OPERATIONS;

export const APPROVAL_OPERATION_NAMES = Object.keys(APPROVAL_OPERATIONS) as [ApprovalOperation, ...ApprovalOperation[]];

export const DEFAULT_APPROVAL_OPERATIONS: readonly ApprovalOperation[] = ["send_invoice", "record_invoice_payment", "void_invoice"];

const isApprovalOperation = (name: string): name is ApprovalOperation => Object.hasOwn(APPROVAL_OPERATIONS, name);

/** The stored list, in catalogue order, ignoring names no longer in the catalogue. */
export function parseApprovalOperations(stored: string): ApprovalOperation[] {
  const names = new Set(stored.split(/\s+/).filter(isApprovalOperation));
  return APPROVAL_OPERATION_NAMES.filter((name) => names.has(name));
}

export function formatApprovalOperations(operations: readonly ApprovalOperation[]): string {
  return APPROVAL_OPERATION_NAMES.filter((name) => operations.includes(name)).join(" ");
}

/** "sending an invoice, voiding an invoice", or "none". */
export function describeApprovalOperations(operations: readonly ApprovalOperation[]): string {
  return operations.length ? operations.map((name) => APPROVAL_OPERATIONS[name].toLowerCase()).join(", ") : "none";
}
