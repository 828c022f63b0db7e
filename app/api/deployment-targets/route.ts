import { listDeploymentTargets } from "@/lib/deployment-targets/list-deployment-targets";
import { userRoute } from "@/lib/http/user-route";

/** GET /api/deployment-targets: the caller's deployment targets, with their last deployment (never a secret). */
export const GET = userRoute({}, async (_request, { user }) => Response.json(await listDeploymentTargets(user.id)));
