import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLink, AuthPanel } from "@/components/auth/auth-panel";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSignedInUser } from "@/lib/auth/session";
import { PASSWORD_POLICY } from "@/lib/domain/users/password-policy";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your workspace" };

export default async function SignUpPage() {
  if (await getSignedInUser()) redirect("/");
  return (
    <AuthPanel
      title="Create your workspace"
      intro="Your account and a workspace of your own, where you track time and invoice clients. You can invite others later."
      footer={
        <>
          Already have an account? <AuthLink href="/login">Sign in</AuthLink>
        </>
      }
    >
      <SignUpForm action={signUpAction} passwordPolicy={PASSWORD_POLICY} />
    </AuthPanel>
  );
}
