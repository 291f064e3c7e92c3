import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CurrentPageNav } from "@/components/ui/current-page-nav";
import { MenuDisclosure } from "./menu-disclosure";
import type { NavItem } from "@/lib/web/workspace-nav";

/** The signed-in frame: brand, a context slot (workspace switcher), section nav, the user. */
export function AppShell({
  user,
  subtitle,
  context,
  navLabel,
  nav,
  accountNav,
  children,
}: {
  user: { name: string; email: string };
  subtitle?: string;
  context?: ReactNode;
  navLabel: string;
  nav: NavItem[];
  accountNav: NavItem[];
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen lg:flex print:block print:min-h-0">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white/70 print:hidden lg:sticky lg:top-0 lg:h-screen lg:w-64 lg:shrink-0 lg:border-b-0 lg:border-r">
        {/* On a phone: the brand and a Menu button in one row, the rest behind the button. */}
        <div className="flex h-full flex-wrap items-center justify-between gap-x-3 gap-y-4 p-4 lg:flex-col lg:overflow-y-auto lg:flex-nowrap lg:items-stretch lg:justify-start lg:gap-5">
          <a href="/" className="px-1">
            <Brand />
          </a>
          <MenuDisclosure id="app-menu">
            {context}
            <CurrentPageNav label={navLabel} look="sidebar" className="flex-1" items={nav} />
            <div className="border-t border-slate-200 pt-4">
              <p className="truncate px-1 text-sm font-medium text-slate-900">{user.name}</p>
              <p className="truncate px-1 text-xs text-slate-500">
                {user.email}
                {subtitle ? <> · <span className="capitalize">{subtitle}</span></> : null}
              </p>
              <CurrentPageNav label="Account" look="sidebar" className="mt-2" items={accountNav} />
              <div className="mt-1">
                <SignOutButton />
              </div>
            </div>
          </MenuDisclosure>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-8 print:p-0">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
