import { getTimeZone } from "next-intl/server";
import { ledgerListParamsSchema } from "@/lib/billing/ledger-list-params";
import { listLedgerEntries } from "@/lib/billing/list-ledger-entries";
import { userRoute } from "@/lib/http/user-route";

// Bad filters fall back to their defaults (the schema's), as in the page's URL.
export const GET = userRoute({ query: ledgerListParamsSchema }, async (_request, { user, query }) =>
  Response.json(await listLedgerEntries(user.id, query, await getTimeZone())),
);
