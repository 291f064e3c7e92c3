import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth/auth-panel";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { findPasswordReset } from "@/lib/domain/users/find-password-reset";
import { PASSWORD_POLICY } from "@/lib/domain/users/password-policy";
import { RESET_REFUSALS } from "@/lib/domain/users/password-reset-rules";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findPasswordReset(token);
  if (!reset || reset.state !== "valid") {
    return (
      <AuthPanel title="This link cannot be used">
        <Alert tone="warning" testId="reset-refused">
          {RESET_REFUSALS[reset && reset.state !== "valid" ? reset.state : "unknown"]}
        </Alert>
        <p className="mt-4 text-sm">
          <AuthLink href="/forgot-password">Ask for a new link</AuthLink>
        </p>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel title="Choose a new password" intro={<p>For {reset.email}.</p>}>
      <ResetPasswordForm action={resetPasswordAction.bind(null, token)} passwordPolicy={PASSWORD_POLICY} />
    </AuthPanel>
  );
}
