// What the administrator enters for an ACME issuer. Pure and client-safe: the form checks
// with the same schema before it sends, the action parses with it.
import { z } from "zod";

/** base64url (or base64) as CAs hand out EAB HMAC keys, decoding to at least 16 bytes. */
const EAB_HMAC_KEY = /^[A-Za-z0-9_\-+/]{22,}={0,2}$/;
// A lone UTF-16 surrogate cannot be stored in the audit log's jsonb: refused like any bad text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (value: string | null) => value === null || !LONE_SURROGATE.test(value);
const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export const issuerInputSchema = z
  .object({
    /** Absent: a new issuer. */
    issuerId: z.string().min(1).max(64).optional(),
    name: z.string().trim().min(1, "REQUIRED").max(80, "TOO_LONG").refine(wellFormed, "TEXT"),
    directoryUrl: z
      .string()
      .trim()
      .max(500, "TOO_LONG")
      .refine((value) => {
        try {
          return new URL(value).protocol === "https:";
        } catch {
          return false;
        }
      }, "HTTPS_URL"),
    eabKeyId: z.string().max(200, "TOO_LONG").nullish().transform(blankToNull).refine(wellFormed, "TEXT"),
    /** Write-only: blank on an edit keeps the stored key. */
    eabHmacKey: z
      .string()
      .max(200, "TOO_LONG")
      .nullish()
      .transform(blankToNull)
      .refine((value) => value === null || EAB_HMAC_KEY.test(value), "EAB_KEY"),
    contactEmail: z.string().max(254, "TOO_LONG").nullish().transform(blankToNull).pipe(z.email("EMAIL").nullable()),
    termsAccepted: z.boolean(),
    /** PEM of extra CA certificates for this CA's HTTPS (a private CA); blank: the system's roots. */
    caBundlePem: z
      .string()
      .max(50_000, "TOO_LONG")
      .nullish()
      .transform(blankToNull)
      .refine((value) => value === null || value.includes("-----BEGIN CERTIFICATE-----"), "PEM")
      .refine(wellFormed, "TEXT"),
  })
  .refine((input) => input.eabHmacKey === null || input.eabKeyId !== null, {
    path: ["eabKeyId"],
    message: "EAB_KEY_ID_REQUIRED",
  });

export type IssuerInput = z.infer<typeof issuerInputSchema>;
