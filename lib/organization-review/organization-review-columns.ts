// The columns of a review that the customer's card and the admin's queue both show: the
// organisation, its contact and the letter's description (never the letter itself).
export const ORGANIZATION_REVIEW_COLUMNS = {
  companyName: true,
  country: true,
  locality: true,
  address: true,
  companyPhone: true,
  registrationNumber: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  letterType: true,
  letterBytes: true,
  letterUploadedAt: true,
  submittedAt: true,
} as const;
