"use server";

import { after } from "next/server";
import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { startJobRun } from "@/lib/admin/start-job-run";
import { systemNow } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { executeJobRun } from "@/lib/renewal-job/execute-job-run";

/**
 * "Run now": creates the run and answers at once with its ID; the run itself goes on
 * after the response (the page polls it). When a run is already going, that run comes
 * back instead, with started: false.
 */
export const runRenewalJobNowAction = authedAction(
  z.object({}),
  { name: "runRenewalJobNow", role: "ADMIN" },
  async (_input, { user, ip, now }) => {
    const result = await startJobRun(user, { ip, now, realNow: systemNow() });
    if (result.started) {
      const runId = result.run.id;
      after(async () => {
        try {
          await executeJobRun(runId);
        } catch (error) {
          logger.error({ err: error, runId }, "renewal job run started from the dashboard failed");
        }
      });
    }
    return result;
  },
);
