/** Access levels in words, for connections, the workspace policy and the audit log. */
import type { AccessLevel } from "./scopes";

export const ACCESS_LEVEL_WORDS: Record<AccessLevel, string> = { read: "Read only", write: "Read and write", admin: "Admin" };
