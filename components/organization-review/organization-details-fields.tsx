"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { OrganizationDraft } from "@/components/organization-review/organization-draft";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FieldErrorCode, OrganizationDetailsField } from "@/lib/organization-review/organization-details-input";

const ORGANIZATION_FIELDS: OrganizationDetailsField[] = [
  "companyName",
  "country",
  "locality",
  "address",
  "companyPhone",
  "registrationNumber",
];
const CONTACT_FIELDS: OrganizationDetailsField[] = ["contactName", "contactEmail", "contactPhone"];
const INPUT_TYPE: Partial<Record<OrganizationDetailsField, string>> = {
  contactEmail: "email",
  companyPhone: "tel",
  contactPhone: "tel",
};
const AUTOCOMPLETE: Partial<Record<OrganizationDetailsField, string>> = {
  companyName: "organization",
  country: "country",
  locality: "address-level2",
  address: "street-address",
  contactName: "name",
  contactEmail: "email",
  contactPhone: "tel",
};

/**
 * The organisation and its contact, as the order form and the correction form ask for
 * them; the problems are those of organizationDetailsProblems (the server's schema),
 * shown once the customer has tried to send.
 */
export function OrganizationDetailsFields({
  value,
  problems,
  disabled,
  onChange,
}: {
  value: OrganizationDraft;
  problems: Partial<Record<OrganizationDetailsField, FieldErrorCode>>;
  disabled?: boolean;
  onChange: (field: OrganizationDetailsField, value: string) => void;
}) {
  const tf = useTranslations("organizationReview.fields");
  const te = useTranslations("organizationReview.fieldError");
  const to = useTranslations("organizationReview.order");
  const id = useId();
  const field = (name: OrganizationDetailsField) => {
    const problem = problems[name];
    const errorId = `${id}-${name}-error`;
    return (
      <div key={name} className="grid gap-1.5">
        <Label htmlFor={`${id}-${name}`}>{tf(name)}</Label>
        <Input
          id={`${id}-${name}`}
          name={name}
          type={INPUT_TYPE[name] ?? "text"}
          autoComplete={AUTOCOMPLETE[name]}
          value={value[name]}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => onChange(name, event.target.value)}
          data-testid={`organization-${name}`}
        />
        <FieldError id={errorId} messages={problem ? [te(problem)] : undefined} />
      </div>
    );
  };
  return (
    <div className="grid gap-6">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">{to("organization")}</legend>
        {ORGANIZATION_FIELDS.map(field)}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">{to("contact")}</legend>
        {CONTACT_FIELDS.map(field)}
      </fieldset>
    </div>
  );
}
