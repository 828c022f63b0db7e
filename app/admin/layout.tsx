import { getTranslations } from "next-intl/server";
import type * as React from "react";
import { AppShell } from "@/components/console/app-shell";
import type { NavItem } from "@/components/console/nav-links";
import { SimulatedClockBadge } from "@/components/console/simulated-clock-badge";
import { ScopedMessages } from "@/components/i18n/scoped-messages";
import { requireAdminPage } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdminPage();
  const t = await getTranslations();
  const { demoMode } = getConfig();
  const nav: NavItem[] = [
    { href: "/admin", label: t("admin.nav.overview"), icon: "overview", exact: true },
    { href: "/admin/customers", label: t("admin.nav.customers"), icon: "customers" },
    { href: "/admin/certificates", label: t("admin.nav.certificates"), icon: "certificates" },
    { href: "/admin/jobs", label: t("admin.nav.jobs"), icon: "jobs" },
    { href: "/admin/reviews", label: t("admin.nav.reviews"), icon: "reviews" },
    { href: "/admin/prices", label: t("admin.nav.prices"), icon: "prices" },
    { href: "/admin/issuers", label: t("admin.nav.issuers"), icon: "issuers" },
    { href: "/admin/audit", label: t("admin.nav.audit"), icon: "audit" },
    ...(demoMode ? [{ href: "/admin/clock", label: t("admin.nav.clock"), icon: "clock" } satisfies NavItem] : []),
    { href: "/certificates", label: t("nav.backToConsole"), icon: "console" },
  ];
  return (
    <ScopedMessages scope="admin">
      <AppShell user={user} area={t("admin.title")} demoMode={demoMode} headerItems={<SimulatedClockBadge />} nav={nav}>
        {children}
      </AppShell>
    </ScopedMessages>
  );
}
