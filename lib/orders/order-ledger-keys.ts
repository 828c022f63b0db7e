// The ledger idempotency keys of a certificate order: each is unique in LedgerEntry, so an
// order is charged once and refunded at most once, whoever tries (the job, "Cancel order").

export function purchaseChargeKey(orderId: string): string {
  return `purchase:${orderId}`;
}

export function purchaseRefundKey(orderId: string): string {
  return `refund:purchase:${orderId}`;
}
