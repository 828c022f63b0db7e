import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { userRoute } from "@/lib/http/user-route";

export const GET = userRoute({}, async (_request, { user }) => Response.json(await getAccountBalance(user.id)));
