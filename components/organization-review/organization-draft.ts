// The organisation fields as the forms hold them, without the form: the order draft keeps
// one, and the order form's first load (and the reissue dialog) need no field component.
import type { OrganizationDetailsField } from "@/lib/organization-review/organization-details-input";

export type OrganizationDraft = Record<OrganizationDetailsField, string>;

export function emptyOrganizationDraft(): OrganizationDraft {
  return {
    companyName: "",
    country: "",
    locality: "",
    address: "",
    companyPhone: "",
    registrationNumber: "",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
  };
}
