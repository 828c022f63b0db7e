import type { AppConfig } from "@/lib/config";

export type ChargeRequest = {
  accountId: string;
  amountMinor: number;
  currency: string;
  /**
   * The client's token for this top-up attempt. A provider must treat a repeated token
   * as the same charge (answer with the first result, never charge twice).
   */
  idempotencyToken: string;
  now: Date;
};

export type ChargeResult = {
  status: "SUCCEEDED" | "FAILED";
  /** The provider's own reference for the charge (shown to support, kept in the audit log). */
  reference: string;
  /** A stable code when the charge failed, e.g. "DECLINED". */
  failureReason?: string;
};

/** A way to pay money into a balance. Top-ups go through one of these, and through nothing else. */
export interface PaymentProvider {
  /** Stored on Payment.provider; stable, at most 40 characters. */
  readonly id: string;
  /** English name for logs and admin; the console shows the translated `billing.providers.<id>` strings. */
  readonly label: string;
  /** Whether this installation may use the provider (configured, allowed in this mode). */
  isAvailable(config: Pick<AppConfig, "demoMode">): boolean;
  charge(request: ChargeRequest): Promise<ChargeResult>;
}
