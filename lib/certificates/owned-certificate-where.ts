// The one predicate of every customer query on certificates: the owner's own, and not deleted
// (a deleted certificate stays in the database for its history and ledger, and for the admin
// area, which does not use this). Spread into a `where`: `{ id, ...ownedCertificateWhere(ownerId) }`.
export function ownedCertificateWhere(ownerId: string): { ownerId: string; deletedAt: null } {
  return { ownerId, deletedAt: null };
}
