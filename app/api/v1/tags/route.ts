import { apiRoute } from "@/lib/api/api-route";
import { createTagEndpoint, listTagsEndpoint } from "@/lib/api/endpoints/tags";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listTagsEndpoint);
export const POST = apiRoute(createTagEndpoint);
