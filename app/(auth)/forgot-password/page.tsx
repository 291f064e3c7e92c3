import type { Metadata } from "next";
import { AuthLink, AuthPanel } from "@/components/auth/auth-panel";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthPanel
      title="Reset your password"
      intro="Enter the email you sign in with. If it has an account, a link to choose a new password is sent to it."
      footer={
        <>
          Remembered it? <AuthLink href="/login">Sign in</AuthLink>
        </>
      }
    >
      <ForgotPasswordForm action={requestPasswordResetAction} />
    </AuthPanel>
  );
}
