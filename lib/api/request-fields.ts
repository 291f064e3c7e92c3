/**
 * The domain names the fields of its refusals by its own input names (`membershipId`,
 * `entryIds`). The REST API names every field the way the request spelled it and where it
 * was ("body.member_id", "query.tag_id"), like its own validation errors (read-api-input.ts),
 * so an endpoint passes its domain call through `requestFields` with the names it uses
 * (lib/operations/field-names.ts; snake_case when not given).
 */
import { isDomainError, renameFieldErrors } from "@/lib/domain/errors";
import { snakeKey } from "@/lib/integrations/wire";

export async function requestFields<T>(where: "body" | "query", call: Promise<T>, fieldName: (domainKey: string) => string = snakeKey): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw renameFieldErrors(error, fieldName, where);
  }
}
