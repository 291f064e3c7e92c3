import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireUser } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";

/** Signed in: straight to the first workspace. With none usable: say why. */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser("/");
  const workspaces = await listUserWorkspaces(user.id);
  const { notice } = await searchParams;
  const first = workspaces[0];
  if (first && !notice) redirect(`/w/${first.slug}/time`);

  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <Brand />
      <h1 className="mt-8 text-xl font-semibold">Hello, {user.name}</h1>
      <div className="mt-4 space-y-4">
        {notice ? <Alert tone="warning">{notice}</Alert> : null}
        {workspaces.length === 0 ? (
          <p className="text-sm text-slate-600">You are not an active member of any workspace. Ask a workspace owner to invite or reactivate you.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
            {workspaces.map((w) => (
              <li key={w.slug}>
                <a className="block px-4 py-3 text-sm font-medium hover:bg-slate-50" href={`/w/${w.slug}/time`}>
                  {w.name}
                </a>
              </li>
            ))}
          </ul>
        )}
        <SignOutButton />
      </div>
    </main>
  );
}
