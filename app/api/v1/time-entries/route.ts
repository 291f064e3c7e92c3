import { apiMethods } from "@/lib/api/api-methods";
import { createTimeEntryEndpoint, listTimeEntriesEndpoint } from "@/lib/api/endpoints/time-entries";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: listTimeEntriesEndpoint, POST: createTimeEntryEndpoint });
