import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { isAuthorizedCronRequest } from "@/lib/http/check-cron-authorization";
import { jsonError } from "@/lib/http/json-response";
import { logger } from "@/lib/logger";
import { createJobRun } from "@/lib/renewal-job/create-job-run";
import { executeJobRun } from "@/lib/renewal-job/execute-job-run";

// The renewal job, triggered by any scheduler: POST (or GET, for schedulers that
// only send GET) with "Authorization: Bearer <CRON_SECRET>". Runs to completion and
// answers with the run's summary.
export const dynamic = "force-dynamic";
export const maxDuration = 800;

async function handle(request: NextRequest): Promise<Response> {
  if (!isAuthorizedCronRequest(request.nextUrl, request.headers.get("authorization"), getConfig().cronSecret)) {
    logger.warn({ path: request.nextUrl.pathname }, "renewal job call refused: missing or wrong bearer secret");
    return jsonError("UNAUTHENTICATED", "Send the CRON_SECRET as 'Authorization: Bearer <secret>'.", {
      "WWW-Authenticate": 'Bearer realm="certdesk-jobs"',
    });
  }
  const run = await executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);
  return Response.json(
    {
      runId: run.id,
      status: run.status,
      clockNow: run.clockNow,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      durationMs: run.durationMs,
      counts: run.counts,
      errors: run.errors,
    },
    { status: run.status === "SUCCEEDED" ? 200 : 500 },
  );
}

export const GET = handle;
export const POST = handle;
