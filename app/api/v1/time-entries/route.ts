import { apiRoute } from "@/lib/api/api-route";
import { createTimeEntryEndpoint, listTimeEntriesEndpoint } from "@/lib/api/endpoints/time-entries";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listTimeEntriesEndpoint);
export const POST = apiRoute(createTimeEntryEndpoint);
