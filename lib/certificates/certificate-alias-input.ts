// A certificate's alias as the "Edit alias" dialog and the API send it: trimmed, at most the
// column's 100 characters; empty clears it. Client-safe (zod/mini).
import * as z from "zod/mini";
import { MAX_UPLOAD_ALIAS_LENGTH } from "@/lib/certificates/upload-limits";

export const MAX_CERTIFICATE_ALIAS_LENGTH = MAX_UPLOAD_ALIAS_LENGTH;

export const certificateAliasSchema = z.string().check(z.trim(), z.maxLength(MAX_CERTIFICATE_ALIAS_LENGTH, "TOO_LONG"));

export const setCertificateAliasInputSchema = z.object({
  certificateId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  alias: certificateAliasSchema,
});
