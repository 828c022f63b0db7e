// The columns of a review that the customer's card and the admin's queue both show: the
// organisation, its contact and the letter's description (never the letter itself).
/** The organisation and its contact, as the customer submitted them. */
export const ORGANIZATION_DETAILS_COLUMNS = {
  companyName: true,
  country: true,
  locality: true,
  address: true,
  companyPhone: true,
  registrationNumber: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
} as const;

export const ORGANIZATION_REVIEW_COLUMNS = {
  ...ORGANIZATION_DETAILS_COLUMNS,
  letterType: true,
  letterBytes: true,
  letterUploadedAt: true,
  submittedAt: true,
} as const;
