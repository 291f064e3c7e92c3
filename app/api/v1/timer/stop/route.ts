import { apiMethods } from "@/lib/api/api-methods";
import { API } from "@/lib/api/endpoints";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: API.stopTimer });
