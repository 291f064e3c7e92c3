/**
 * The domain names the fields of its refusals by its own input names (`membershipId`,
 * `entryIds`); each surface names them as its caller spelled them — an MCP tool by its
 * argument ("member_id"), REST by where and how the request gave it ("query.member_id",
 * "query.tag_id"). Both rename through here, so a tool and its endpoint name the same field.
 */
import { DomainError, summarizeFieldErrors } from "@/lib/domain/errors";
import { snakeKey } from "@/lib/integrations/wire";
import type { Operation } from "./operation";

/**
 * The name a domain input field has in `operation`'s input: its `fieldNames` entry, else snake_case
 * (`projectIds` → "project_ids"). A path ("taxes.0.rate") renames its first segment and
 * snake-cases the rest; `surfaceName` then renames that first segment as the surface spells it
 * (REST's `tag_ids` → "tag_id").
 */
export function operationFieldName(
  operation: Pick<Operation, "fieldNames">,
  domainKey: string,
  surfaceName: (field: string) => string = (field) => field,
): string {
  const [head = "", ...rest] = domainKey.split(".");
  return [surfaceName(operation.fieldNames?.[head] ?? snakeKey(head)), ...rest.map(snakeKey)].join(".");
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
