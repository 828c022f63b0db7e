// The organisation and contact an OV/EV order names, one schema for the order form, the
// correction form and the server. Issue messages are keys of organizationReview.fieldError
// (translated by the forms); the server's refusal names the same fields.
import { z } from "zod";

/** Digits, spaces and the usual separators, optionally with a leading +: "+86 10 1234 5678". */
const PHONE = /^\+?[0-9][0-9 ()./-]{4,38}$/;

const text = (max: number) => z.string().trim().min(1, "REQUIRED").max(max, "TOO_LONG");
const phone = z.string().trim().min(1, "REQUIRED").max(40, "TOO_LONG").regex(PHONE, "PHONE");

export const organizationDetailsInput = z.object({
  companyName: text(200),
  /** ISO 3166-1 alpha-2, the certificate subject's C. */
  country: z
    .string()
    .trim()
    .min(1, "REQUIRED")
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, "COUNTRY")),
  locality: text(128),
  address: text(300),
  companyPhone: phone,
  registrationNumber: z
    .string()
    .trim()
    .max(64, "TOO_LONG")
    .transform((value) => value || undefined)
    .optional(),
  contactName: text(100),
  contactEmail: z.string().trim().min(1, "REQUIRED").max(254, "TOO_LONG").pipe(z.email("EMAIL")),
  contactPhone: phone,
});

export type OrganizationDetailsInput = z.input<typeof organizationDetailsInput>;
export type OrganizationDetails = z.output<typeof organizationDetailsInput>;
export type OrganizationDetailsField = keyof OrganizationDetails;

export const ORGANIZATION_DETAIL_FIELDS = Object.keys(organizationDetailsInput.shape) as OrganizationDetailsField[];

export const FIELD_ERROR_CODES = ["REQUIRED", "TOO_LONG", "PHONE", "COUNTRY", "EMAIL"] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** The first problem of each field, as codes the forms translate. */
export function organizationDetailsProblems(input: unknown): Partial<Record<OrganizationDetailsField, FieldErrorCode>> {
  const parsed = organizationDetailsInput.safeParse(input);
  if (parsed.success) return {};
  const problems: Partial<Record<OrganizationDetailsField, FieldErrorCode>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as OrganizationDetailsField | undefined;
    if (!field || problems[field]) continue;
    const code = (FIELD_ERROR_CODES as readonly string[]).includes(issue.message)
      ? (issue.message as FieldErrorCode)
      : "REQUIRED";
    problems[field] = code;
  }
  return problems;
}
