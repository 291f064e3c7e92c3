/**
 * What the accept page shows for an invitation link, before anyone is signed in: the workspace,
 * the role, the invited email, whether an account with that email exists (sign in instead of
 * creating one), and where the invitation stands. The token is the only key: an unknown one
 * says so without telling anything else.
 */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { hashLinkToken, isPlausibleToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import type { Role } from "@/lib/generated/prisma/enums";
import { invitationState, type InvitationState } from "./invitation-rules";

export interface InvitationLinkView {
  state: InvitationState;
  workspaceName: string;
  workspaceSlug: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: Date;
  accountExists: boolean;
}

/** The invitation behind `token`, or null when there is none. */
export async function findInvitation(token: string): Promise<InvitationLinkView | null> {
  if (!isPlausibleToken(token, TOKEN_PREFIX.invitation)) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { workspace: { select: { name: true, slug: true } }, invitedBy: { select: { name: true } } },
  });
  if (!row) return null;
  const account = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    state: invitationState(row, now()),
    workspaceName: row.workspace.name,
    workspaceSlug: row.workspace.slug,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.name ?? null,
    expiresAt: row.expiresAt,
    accountExists: account !== null,
  };
}
