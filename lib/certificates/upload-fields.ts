// The fields of a certificate upload, as the route reads them and the form checks them
// before sending. zod/mini and no server imports: the form loads it in the browser.
import * as z from "zod/mini";
import { MAX_UPLOAD_ALIAS_LENGTH } from "@/lib/certificates/upload-limits";

export const uploadFieldsSchema = z.object({
  certificatePem: z._default(z.string(), ""),
  chainPem: z.optional(z.string()),
  privateKeyPem: z.optional(z.string()),
  alias: z.optional(z.string().check(z.trim(), z.maxLength(MAX_UPLOAD_ALIAS_LENGTH))),
});

export type UploadFields = z.output<typeof uploadFieldsSchema>;

/**
 * The problem a person can fix in a refused set of fields: an alias over the limit.
 * null: the fields are not text at all (a hand-made request), which no field can fix.
 */
export function uploadFieldsProblem(
  issues: readonly z.core.$ZodIssue[],
): { field: "alias"; code: "ALIAS_TOO_LONG"; params: { max: number } } | null {
  const onlyAlias = issues.length > 0 && issues.every((issue) => issue.path[0] === "alias" && issue.code === "too_big");
  return onlyAlias ? { field: "alias", code: "ALIAS_TOO_LONG", params: { max: MAX_UPLOAD_ALIAS_LENGTH } } : null;
}
