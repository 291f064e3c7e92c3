/**
 * The domain names the fields of its refusals by its own input names (`membershipId`,
 * `entryIds`); each surface names them as its caller spelled them — an MCP tool by its
 * argument ("member_id"), REST by where and how the request gave it ("query.member_id",
 * "query.tag_id"). Both name fields through here, so a tool and its endpoint name the same
 * field; renameFieldErrors (lib/domain/errors.ts) applies the names to a refusal.
 */
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
