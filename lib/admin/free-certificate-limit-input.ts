// What the free-certificate limit form sends and the action parses. Client-safe (zod/mini).
import * as z from "zod/mini";
import { MAX_FREE_CERTIFICATE_LIMIT } from "@/lib/admin/catalogue-limits";

export const freeCertificateLimitInputSchema = z.object({
  limit: z
    .number()
    .check(z.int("INVALID"), z.minimum(0, "INVALID"), z.maximum(MAX_FREE_CERTIFICATE_LIMIT, "TOO_LARGE")),
});
