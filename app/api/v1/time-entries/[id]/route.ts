import { apiMethods } from "@/lib/api/api-methods";
import { deleteTimeEntryEndpoint, getTimeEntryEndpoint, updateTimeEntryEndpoint } from "@/lib/api/endpoints/time-entries";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: getTimeEntryEndpoint, PATCH: updateTimeEntryEndpoint, DELETE: deleteTimeEntryEndpoint });
