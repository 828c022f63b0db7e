import { getBalanceWarning } from "@/lib/billing/get-balance-warning";
import { serializeBalanceWarning } from "@/lib/billing/serialize-balance-warning";
import { userRoute } from "@/lib/http/user-route";

export const GET = userRoute({}, async (_request, { user, now }) =>
  Response.json(serializeBalanceWarning(await getBalanceWarning(user.id, now))),
);
