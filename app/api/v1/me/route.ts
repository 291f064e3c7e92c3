import { apiMethods } from "@/lib/api/api-methods";
import { getMe } from "@/lib/api/endpoints/me";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: getMe });
