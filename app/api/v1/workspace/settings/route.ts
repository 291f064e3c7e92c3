import { apiRoute } from "@/lib/api/api-route";
import { getWorkspaceSettingsEndpoint, updateWorkspaceSettingsEndpoint } from "@/lib/api/endpoints/workspace";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getWorkspaceSettingsEndpoint);
export const PATCH = apiRoute(updateWorkspaceSettingsEndpoint);
