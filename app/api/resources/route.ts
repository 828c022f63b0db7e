import { z } from "zod";
import { lookupIdParams } from "@/lib/http/lookup-id-params";
import { userRoute } from "@/lib/http/user-route";
import { listCloudResources } from "@/lib/resources/list-cloud-resources";

const resourcesQuery = z.object({ certificateId: lookupIdParams.shape.id.optional() });

/** GET /api/resources[?certificateId=…]: the caller's cloud resources (of that certificate). */
export const GET = userRoute({ query: resourcesQuery }, async (_request, { user, query }) =>
  Response.json(await listCloudResources(user.id, { certificateId: query.certificateId })),
);
