/**
 * The domain names the fields of its refusals by its own input names (`membershipId`,
 * `entryIds`). The REST API names every field the way the request spelled it and where it
 * was ("body.member_id", "query.tag_id"), like its own validation errors (read-api-input.ts),
 * so an endpoint passes its domain call through `requestFields` with the renames it needs.
 */
import { DomainError, isDomainError, summarizeFieldErrors } from "@/lib/domain/errors";
import { snakeKey } from "@/lib/integrations/wire";


export async function requestFields<T>(where: "body" | "query", call: Promise<T>, renames: Readonly<Record<string, string>> = {}): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!isDomainError(error) || error.code !== "invalid_input") throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([key, message]) => [key === "_" ? key : `${where}.${renames[key] ?? snakeKey(key)}`, message]),
    );
    const message = error.message === summarizeFieldErrors(error.fieldErrors) ? summarizeFieldErrors(fields) : error.message;
    throw new DomainError("invalid_input", message, fields);
  }
}
