import { certificateListParamsSchema } from "@/lib/certificates/certificate-list-params";
import { listCertificates } from "@/lib/certificates/list-certificates";
import { userRoute } from "@/lib/http/user-route";

// Bad filters fall back to their defaults (the schema's), as in the page's URL.
export const GET = userRoute({ query: certificateListParamsSchema }, async (_request, { user, query, now }) =>
  Response.json(await listCertificates(user.id, query, now)),
);
