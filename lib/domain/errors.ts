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

/**
 * An `invalid_input` refusal with its fields named by `name` (prefixed `where.` when given);
 * other refusals as they are. A message that is just the summary of the fields is summarized
 * again under the new names; a message of its own keeps its words, but a camelCase field name
 * it quotes ("A rounding rule has no minimumSeconds") is renamed too — only camelCase ones, as
 * a plain field name like `id` or `from` is also an English word of the sentence.
 */
export function renameFieldErrors(error: DomainError, name: (domainKey: string) => string, where?: string): DomainError {
  if (error.code !== "invalid_input") return error;
  const entries = Object.entries(error.fieldErrors);
  const fields = Object.fromEntries(entries.map(([key, message]) => [key === "_" ? key : where ? `${where}.${name(key)}` : name(key), message]));
  let message = error.message;
  if (message === summarizeFieldErrors(error.fieldErrors)) message = summarizeFieldErrors(fields);
  else {
    for (const [key] of entries) {
      const head = key.split(".")[0] ?? key;
      if (/[A-Z]/.test(head)) message = message.replace(new RegExp(`\\b${head}\\b`, "g"), name(head));
    }
  }
  return new DomainError("invalid_input", message, fields);
}
