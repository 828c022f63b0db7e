import { getTranslations } from "next-intl/server";
import type * as React from "react";
import { AppShell } from "@/components/console/app-shell";
import { requireAdminPage } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdminPage();
  const t = await getTranslations();
  return (
    <AppShell
      user={user}
      area={t("admin.title")}
      demoMode={getConfig().demoMode}
      nav={[
        { href: "/admin", label: t("nav.adminOverview"), icon: "overview", exact: true },
        { href: "/certificates", label: t("nav.backToConsole"), icon: "certificates" },
      ]}
    >
      {children}
    </AppShell>
  );
}
