import { ButtonLink } from "./button";
import { DocumentTitle } from "./document-title";

/**
 * What a link that leads nowhere shows: the page is missing or not the viewer's to see. It never
 * says which: telling "exists, but not yours" apart from "no such thing" would let anyone probe
 * for other people's entries, invoices and workspaces. `back` is where to go instead.
 */
export function NotFoundNotice({ back }: { back: { href: string; label: string } }) {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-lg py-10 text-center" data-testid="not-found">
      <DocumentTitle title="Page not found · Hourbook" />
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 id="not-found-title" className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
        Page not found
      </h1>
      <p className="mt-3 text-sm text-slate-600">
        This page doesn&apos;t exist or you don&apos;t have access to it. If someone sent you the link, ask them to check it, or to give you access.
      </p>
      <div className="mt-6">
        <ButtonLink href={back.href}>{back.label}</ButtonLink>
      </div>
    </section>
  );
}
