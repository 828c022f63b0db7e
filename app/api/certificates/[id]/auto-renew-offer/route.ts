import { getCurrentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";
import { getAutoRenewOffer } from "@/lib/renewal/get-auto-renew-offer";
import { isLookupId } from "@/lib/text/storable-text";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const { id } = await params;
  if (!isLookupId(id)) return jsonError("NOT_FOUND");
  const offer = await getAutoRenewOffer(user.id, id, await now());
  return offer ? Response.json(offer) : jsonError("NOT_FOUND");
}
