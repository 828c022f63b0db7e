"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { setDemoClock } from "@/lib/admin/set-demo-clock";
import { systemNow } from "@/lib/clock";

export const setDemoClockAction = authedAction(
  z.object({ now: z.iso.datetime({ offset: true }) }),
  { name: "setDemoClock", role: "ADMIN" },
  (input, { user, ip, now }) => setDemoClock(user, { now: new Date(input.now) }, { ip, now, realNow: systemNow() }),
);

export const resetDemoClockAction = authedAction(
  z.object({}),
  { name: "resetDemoClock", role: "ADMIN" },
  (_input, { user, ip, now }) => setDemoClock(user, { now: null }, { ip, now, realNow: systemNow() }),
);
