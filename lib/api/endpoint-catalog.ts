/** Every REST endpoint; the OpenAPI document and the tests iterate over this list. */
import type { ApiEndpoint } from "./endpoint";
import { createClientEndpoint, listClientsEndpoint, updateClientEndpoint } from "./endpoints/clients";
import { getMe } from "./endpoints/me";

export const API_ENDPOINTS: readonly ApiEndpoint[] = [getMe, listClientsEndpoint, createClientEndpoint, updateClientEndpoint] as unknown as ApiEndpoint[];
