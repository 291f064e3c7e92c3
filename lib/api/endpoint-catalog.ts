/** Every REST endpoint, in reference order: the OpenAPI document, the reference page and the tests iterate over this list. */
import type { ApiEndpoint } from "./endpoint";
import { API } from "./endpoints";

export const API_ENDPOINTS: readonly ApiEndpoint[] = Object.values(API);
