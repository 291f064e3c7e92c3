import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Brand } from "@/components/brand";
import { getSignedInUser, safeReturnPath, SESSION_ENDED_NOTICE } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const { callbackUrl, notice } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getSignedInUser()) redirect(returnTo);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <Brand className="text-xl" />
          <h1 className="mt-6 text-2xl font-semibold tracking-tight text-slate-900">Sign in to your workspace</h1>
          <p className="mt-2 text-sm text-slate-500">Track time, invoice clients, and decide what your AI assistants may do.</p>
        </div>
        {notice === "session-ended" && (
          <p role="status" data-testid="session-ended" className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {SESSION_ENDED_NOTICE}
          </p>
        )}
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <LoginForm returnTo={returnTo} />
          <p className="mt-4 text-right text-sm">
            <a href="/forgot-password" className="font-medium text-indigo-600 underline-offset-2 hover:underline">
              Forgot password?
            </a>
          </p>
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          New to Hourbook?{" "}
          <a href="/signup" className="font-medium text-indigo-600 underline-offset-2 hover:underline">
            Create an account and workspace
          </a>
        </p>
        <p className="mt-6 text-center text-xs text-slate-500">
          Demo: <span className="font-mono">ada@example.com</span> / <span className="font-mono">hourbook-demo</span>
        </p>
      </div>
    </main>
  );
}
