import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { BalanceCard } from "@/components/billing/balance-card";
import { BalanceForecastChart } from "@/components/billing/balance-forecast-chart";
import { LedgerSection } from "@/components/billing/ledger-section";
import type { TopUpRequest } from "@/components/billing/top-up-dialog";
import { UpcomingDeductions } from "@/components/billing/upcoming-deductions";
import { PageHeader } from "@/components/console/page-header";
import { safeRedirectPath } from "@/lib/actions/form-state";
import { requireUser } from "@/lib/auth/session";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { getBalanceForecast } from "@/lib/billing/get-balance-forecast";
import { parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { listLedgerEntries } from "@/lib/billing/list-ledger-entries";
import { listPaymentProviders } from "@/lib/billing/payment-providers/get-payment-provider";
import { FIRST_UPCOMING_PAGE } from "@/lib/billing/upcoming-deductions-page";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { accountKeys } from "@/lib/queries/account";
import { billingKeys } from "@/lib/queries/billing";
import { getQueryClient } from "@/lib/queries/query-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing");
  return { title: t("title") };
}

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, t, timeZone, query, today] = await Promise.all([
    requireUser(),
    getTranslations("billing"),
    getTimeZone(),
    searchParams,
    now(),
  ]);
  const params = parseLedgerListParams(query);
  const queryClient = getQueryClient();
  // Same keys as the client's query options, filled by the same lib functions the routes call.
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: accountKeys.balance, queryFn: () => getAccountBalance(user.id) }),
    queryClient.prefetchQuery({
      queryKey: billingKeys.forecast(FIRST_UPCOMING_PAGE),
      queryFn: () => getBalanceForecast(user.id, today, timeZone, FIRST_UPCOMING_PAGE),
    }),
    queryClient.prefetchQuery({
      queryKey: billingKeys.ledger(params),
      queryFn: () => listLedgerEntries(user.id, params, timeZone),
    }),
  ]);
  const providers = listPaymentProviders(getConfig()).map(({ id, label }) => ({ id, label }));
  const topUpRequest = parseTopUpRequest(query);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="grid gap-6">
          <div className="grid gap-6 lg:grid-cols-3">
            <BalanceCard providers={providers} topUpRequest={topUpRequest} />
            <div className="min-w-0 lg:col-span-2">
              <BalanceForecastChart />
            </div>
          </div>
          <UpcomingDeductions />
          <LedgerSection />
        </div>
      </HydrationBoundary>
    </>
  );
}

/**
 * `?topUp=<minor units>&returnTo=<path>`: an order short of balance sends the customer here
 * with the missing amount; the top-up dialog opens with it and goes back there once paid.
 * `returnTo` may only be a path on this site.
 */
function parseTopUpRequest(query: Record<string, string | string[] | undefined>): TopUpRequest | undefined {
  const amount = typeof query.topUp === "string" && /^\d{1,9}$/.test(query.topUp) ? Number(query.topUp) : null;
  if (amount === null || amount <= 0) return undefined;
  const returnTo = safeRedirectPath(query.returnTo, "");
  return { amountMinor: amount, returnTo: returnTo || null };
}
