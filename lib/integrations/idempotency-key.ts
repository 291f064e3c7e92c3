/** What an idempotency key may be, as the REST header and the MCP argument both take it (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
export const IDEMPOTENCY_KEY_RULE = "8–200 printable ASCII characters without spaces";
