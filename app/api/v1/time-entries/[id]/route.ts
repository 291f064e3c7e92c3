import { apiRoute } from "@/lib/api/api-route";
import { deleteTimeEntryEndpoint, getTimeEntryEndpoint, updateTimeEntryEndpoint } from "@/lib/api/endpoints/time-entries";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getTimeEntryEndpoint);
export const PATCH = apiRoute(updateTimeEntryEndpoint);
export const DELETE = apiRoute(deleteTimeEntryEndpoint);
