import { apiRoute } from "@/lib/api/api-route";
import { getMe } from "@/lib/api/endpoints/me";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getMe);
