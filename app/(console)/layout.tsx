import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import type * as React from "react";
import { AppShell } from "@/components/console/app-shell";
import { BalanceIndicator } from "@/components/console/balance-indicator";
import { BalanceWarningBanner } from "@/components/console/balance-warning-banner";
import { SimulatedClockBadge } from "@/components/console/simulated-clock-badge";
import { ScopedMessages } from "@/components/i18n/scoped-messages";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { requireUser } from "@/lib/auth/session";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { getBalanceWarning } from "@/lib/billing/get-balance-warning";
import { serializeBalanceWarning } from "@/lib/billing/serialize-balance-warning";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { accountKeys } from "@/lib/queries/account";
import { notificationKeys } from "@/lib/queries/notifications";
import { getQueryClient } from "@/lib/queries/query-client";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const [user, t, today] = await Promise.all([requireUser(), getTranslations(), now()]);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: accountKeys.balance, queryFn: () => getAccountBalance(user.id) }),
    queryClient.prefetchQuery({
      queryKey: accountKeys.balanceWarning,
      queryFn: async () => serializeBalanceWarning(await getBalanceWarning(user.id, today)),
    }),
    queryClient.prefetchQuery({ queryKey: notificationKeys.unread, queryFn: () => countUnreadNotifications(user.id) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ScopedMessages scope="consoleShell">
        <AppShell
          user={user}
          area={t("app.console")}
          demoMode={getConfig().demoMode}
          headerItems={
            <>
              <SimulatedClockBadge />
              <BalanceIndicator />
              <NotificationBell />
            </>
          }
          banner={<BalanceWarningBanner />}
          nav={[
            { href: "/certificates", label: t("nav.certificates"), icon: "certificates" },
            { href: "/deployment-targets", label: t("nav.deploymentTargets"), icon: "deploymentTargets" },
            { href: "/billing", label: t("nav.billing"), icon: "billing" },
            { href: "/dns-hosting", label: t("nav.dnsHosting"), icon: "dnsHosting" },
            { href: "/notifications", label: t("nav.notifications"), icon: "notifications" },
          ]}
        >
          {children}
        </AppShell>
      </ScopedMessages>
    </HydrationBoundary>
  );
}
