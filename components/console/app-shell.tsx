import { FlaskConicalIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type * as React from "react";
import { BrandMark } from "@/components/brand-mark";
import { LocaleSwitch } from "@/components/console/locale-switch";
import { MobileNav } from "@/components/console/mobile-nav";
import { type NavItem, renderNavIcons } from "@/components/console/nav-icons";
import { NavLinks } from "@/components/console/nav-links";
import { ThemeSwitch } from "@/components/console/theme-switch";
import { UserMenu } from "@/components/console/user-menu";
import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/lib/auth/session";

type AppShellProps = {
  user: SessionUser;
  nav: NavItem[];
  /** Shown under the brand in the sidebar, e.g. "SSL Certificate Console". */
  area: string;
  demoMode: boolean;
  /** Header items before the language switch (balance, clock badge...). */
  headerItems?: React.ReactNode;
  /** Full-width notices above the page (balance warning...). */
  banner?: React.ReactNode;
  children: React.ReactNode;
};

export async function AppShell({ user, nav, area, demoMode, headerItems, banner, children }: AppShellProps) {
  const t = await getTranslations();
  const links = renderNavIcons(nav);
  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-6 bg-sidebar px-3 py-4 text-sidebar-foreground md:flex">
        <div className="px-2">
          <BrandMark label={t("app.name")} />
          <p className="mt-1 text-xs text-sidebar-muted">{area}</p>
        </div>
        <nav aria-label={t("nav.main")}>
          <NavLinks items={links} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-1 border-b bg-card/95 px-2 backdrop-blur sm:px-4">
          <MobileNav
            openLabel={t("nav.openMenu")}
            title={t("nav.main")}
            brand={t("app.name")}
            area={area}
            items={links}
          />
          <div className="flex-1" />
          {demoMode && (
            <Badge variant="warning" data-testid="demo-badge">
              <FlaskConicalIcon aria-hidden />
              {t("header.demoMode")}
            </Badge>
          )}
          {headerItems}
          <LocaleSwitch />
          <ThemeSwitch />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        {banner}
        <main id="main" className="flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
