// One API action: its name, whether it reads or writes (a read-only key may only read), its
// parameters (zod, in the Go SDK's types) and what it does, which is to call the same lib/
// function the console calls and shape the answer as the original's. Each action is one file
// in lib/tencent-api/actions/, listed once in lib/tencent-api/tc3-actions.ts.
import type { z } from "zod";
import type { Translate } from "@/lib/describe-app-error";
import type { Locale } from "@/lib/i18n/locales";
import type { Tc3Fields } from "@/lib/tencent-api/tc3-response";

export type Tc3Access = "read" | "write";

export type Tc3ActionContext = {
  ownerId: string;
  apiKeyId: string;
  /** The request's signature: unique to it, for idempotency keys derived from the request. */
  signature: string;
  ip: string;
  /** The app's "now" for business rules (lib/clock.ts now(): the demo clock may shift it). */
  now: Date;
  locale: Locale;
  t: Translate;
};

export type Tc3Action<Schema extends z.core.$ZodType = z.core.$ZodType> = {
  name: string;
  access: Tc3Access;
  params: Schema;
  run: (params: z.output<Schema>, context: Tc3ActionContext) => Promise<Tc3Fields>;
};

/** Keeps the action's parameter type attached to its run function. */
export function defineTc3Action<Schema extends z.core.$ZodType>(action: Tc3Action<Schema>): Tc3Action {
  return action as unknown as Tc3Action;
}
