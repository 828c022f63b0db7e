import { queryOptions } from "@tanstack/react-query";
import type { AccountBalance } from "@/lib/billing/get-account-balance";
import type { BalanceWarningDto } from "@/lib/billing/serialize-balance-warning";
import { fetchJson } from "@/lib/queries/fetch-json";

// Every query about the signed-in customer's money starts with "account", so a
// mutation that moves money can refresh them all with one invalidation.
export const accountKeys = {
  all: ["account"] as const,
  balance: ["account", "balance"] as const,
  balanceWarning: ["account", "balance-warning"] as const,
};

export const balanceQuery = queryOptions({
  queryKey: accountKeys.balance,
  queryFn: () => fetchJson<AccountBalance>("/api/account/balance"),
});

export const balanceWarningQuery = queryOptions({
  queryKey: accountKeys.balanceWarning,
  queryFn: () => fetchJson<BalanceWarningDto | null>("/api/account/balance-warning"),
});
