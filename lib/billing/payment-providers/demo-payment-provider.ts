import type { ChargeRequest, ChargeResult, PaymentProvider } from "@/lib/billing/payment-providers/payment-provider";

/**
 * The amount the demo provider always declines (13.13 in the account's currency), so
 * the console and the tests can show what a failed payment looks like.
 */
export const DEMO_DECLINED_AMOUNT_MINOR = 1313;

/**
 * Pretend payments for demonstrations and tests: no money moves anywhere. Offered only
 * when DEMO_MODE is on, succeeds at once, except for DEMO_DECLINED_AMOUNT_MINOR. It is
 * deterministic, so the same token always gets the same answer, as a real provider's would.
 */
export const demoPaymentProvider: PaymentProvider = {
  id: "demo",
  label: "Demo payment (no real money)",
  isAvailable: (config) => config.demoMode,
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const reference = `demo_${request.idempotencyToken}`;
    if (request.amountMinor === DEMO_DECLINED_AMOUNT_MINOR) {
      return { status: "FAILED", reference, failureReason: "DECLINED" };
    }
    return { status: "SUCCEEDED", reference };
  },
};
