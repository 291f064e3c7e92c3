import { apiMethods } from "@/lib/api/api-methods";
import { getWorkspaceSettingsEndpoint, updateWorkspaceSettingsEndpoint } from "@/lib/api/endpoints/workspace";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: getWorkspaceSettingsEndpoint, PATCH: updateWorkspaceSettingsEndpoint });
