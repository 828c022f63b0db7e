import { AppError } from "@/lib/errors";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";
import { getAutoRenewOffer } from "@/lib/renewal/get-auto-renew-offer";

export const GET = userRoute({ params: lookupIdParams }, async (_request, { user, params, now }) => {
  const offer = await getAutoRenewOffer(user.id, params.id, now);
  if (!offer) throw new AppError("NOT_FOUND");
  return Response.json(offer);
});
