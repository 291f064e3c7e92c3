import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth/auth-panel";
import { CreateAccountForm } from "@/components/auth/create-account-form";
import { JoinWorkspaceForm } from "@/components/auth/join-workspace-form";
import { SwitchAccountLink } from "@/components/auth/switch-account-link";
import { Alert } from "@/components/ui/alert";
import { getSignedInUser } from "@/lib/auth/session";
import { findInvitation } from "@/lib/domain/invitations/find-invitation";
import { INVITATION_REFUSALS } from "@/lib/domain/invitations/invitation-rules";
import { PASSWORD_POLICY } from "@/lib/domain/users/password-policy";
import { acceptWithNewAccountAction, joinWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const ROLE_WORDS = { owner: "an owner", admin: "an admin", member: "a member" } as const;

/**
 * An invitation link. Signed out: create the account (or sign in, when the email has one);
 * signed in as the invited email: join; signed in as someone else: say so and offer to sign out.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findInvitation(token), getSignedInUser()]);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (!invitation || invitation.state !== "pending") {
    const message = INVITATION_REFUSALS[invitation?.state === "pending" || !invitation ? "unknown" : invitation.state];
    return (
      <AuthPanel title="This invitation cannot be used">
        <Alert tone="warning" testId="invitation-refused">
          {message}
        </Alert>
        <p className="mt-4 text-sm">
          {user ? <AuthLink href="/">Open your workspaces</AuthLink> : <AuthLink href="/login">Sign in</AuthLink>}
        </p>
      </AuthPanel>
    );
  }

  const intro = (
    <p data-testid="invitation-summary">
      {invitation.invitedBy ?? "Someone"} invited <strong>{invitation.email}</strong> to join <strong>{invitation.workspaceName}</strong> as{" "}
      {ROLE_WORDS[invitation.role]}.
    </p>
  );
  const title = `Join ${invitation.workspaceName}`;

  if (user && user.email === invitation.email) {
    return (
      <AuthPanel title={title} intro={intro}>
        <JoinWorkspaceForm action={joinWorkspaceAction.bind(null, token)} workspaceName={invitation.workspaceName} />
      </AuthPanel>
    );
  }
  if (user) {
    return (
      <AuthPanel title={title} intro={intro}>
        <Alert tone="warning" testId="invitation-other-account">
          You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then open the link again to accept it as{" "}
          {invitation.email}.
        </Alert>
        <p className="mt-4 text-sm">
          <SwitchAccountLink returnTo={here} />
        </p>
      </AuthPanel>
    );
  }
  if (invitation.accountExists) {
    return (
      <AuthPanel title={title} intro={intro}>
        <p className="text-sm text-slate-700">There is already an Hourbook account for {invitation.email}. Sign in with it to accept the invitation.</p>
        <p className="mt-4 text-sm">
          <AuthLink href={`/login?callbackUrl=${encodeURIComponent(here)}`}>Sign in to accept</AuthLink>
        </p>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel
      title={title}
      intro={intro}
      footer={
        <>
          Have an account under another email? Ask for the invitation to be sent there, or <AuthLink href={`/login?callbackUrl=${encodeURIComponent(here)}`}>sign in</AuthLink>.
        </>
      }
    >
      <CreateAccountForm
        action={acceptWithNewAccountAction.bind(null, token)}
        fixedEmail={invitation.email}
        passwordPolicy={PASSWORD_POLICY}
        submitLabel="Create account and join"
        pendingLabel="Joining…"
      />
    </AuthPanel>
  );
}
