import { queryOptions } from "@tanstack/react-query";
import type { AccountBalance } from "@/lib/billing/get-account-balance";
import { fetchJson } from "@/lib/queries/fetch-json";

export const accountKeys = {
  balance: ["account", "balance"] as const,
};

export const balanceQuery = queryOptions({
  queryKey: accountKeys.balance,
  queryFn: () => fetchJson<AccountBalance>("/api/account/balance"),
});
