import { z } from "zod";
import { WORDED } from "./issue-wording";

/**
 * Why a domain operation refused. Each boundary maps it to its own error family:
 * the web app shows the message, MCP returns an `isError` tool result, the REST API a
 * problem JSON. `not_found` also covers "not yours": lookups are scoped to the actor's
 * workspace, so another workspace's record is simply not there.
 */
export type DomainErrorCode = "invalid_input" | "forbidden" | "not_found" | "conflict";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Per-field messages for forms, keyed by input field name. */
    readonly fieldErrors: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const invalidInput = (message: string, fieldErrors: Record<string, string> = {}) =>
  new DomainError("invalid_input", message, fieldErrors);
export const forbidden = (message: string) => new DomainError("forbidden", message);
export const notFound = (what: string) => new DomainError("not_found", `${what} was not found in this workspace.`);
/** A workspace that does not exist and one the person is not in are the same miss. */
export const workspaceNotFound = () => new DomainError("not_found", "That workspace was not found, or you are not a member of it.");
export const conflict = (message: string) => new DomainError("conflict", message);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * Validates input with a zod schema, turning failures into one readable `invalid_input` error,
 * worded as ./issue-wording.ts says where the schema gives no message.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, WORDED);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] ??= issue.message;
  }
  throw invalidInput(summarizeFieldErrors(fieldErrors), fieldErrors);
}

/** Field errors as one line, "field: message; other: message" (a message for the whole input, "_", stands alone). */
export function summarizeFieldErrors(fieldErrors: Readonly<Record<string, string>>): string {
  return Object.entries(fieldErrors)
    .map(([field, message]) => (field === "_" ? message : `${field}: ${message}`))
    .join("; ");
}
