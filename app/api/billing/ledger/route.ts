import type { NextRequest } from "next/server";
import { getTimeZone } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { listLedgerEntries } from "@/lib/billing/list-ledger-entries";
import { jsonError } from "@/lib/http/json-response";

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const params = parseLedgerListParams(request.nextUrl.searchParams);
  return Response.json(await listLedgerEntries(user.id, params, await getTimeZone()));
}
