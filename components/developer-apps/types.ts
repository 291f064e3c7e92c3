import type { ActionState } from "@/lib/web/action-state";

/** A form outcome that may carry a client secret, shown once and never stored in the browser. */
export type SecretActionState = ActionState | { status: "success"; message: string; id?: string; secret: string };
