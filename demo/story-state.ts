// What the story's steps learn and choose, handed from one step to the next.
import type { DemoCertificate } from "@/demo/demo-data";

export type StoryState = {
  zones?: string[];
  certificates?: DemoCertificate[];
  currency?: string;
  /** Auto-renewing, hosted with us, with cloud resources: renews without the customer lifting a finger. */
  hosted?: DemoCertificate;
  /** Eligible but off, on a domain hosted elsewhere: the customer adds the TXT record. */
  thirdParty?: DemoCertificate;
  hostedRenewalId?: string;
  /** Fees that the first job run deducts, by certificate id. */
  dueFees?: Map<string, number>;
  /** The demo clock's first stop: 30 days before the hosted certificate expires. */
  clockTarget?: Date;
  balanceBeforeRunMinor?: number;
  /** Enrolled while the balance cannot cover its fee. */
  shortOfFunds?: DemoCertificate;
  manualRenewalId?: string;
  manualFeeMinor?: number;
  /** The story from zero: the customer who signed up, and what they bought. */
  newcomer?: {
    email: string;
    balanceMinor: number;
    zone?: string;
    certificateId?: string;
    priceMinor?: number;
    expiresAt?: Date;
  };
};

/** The value an earlier step stored, or a clear error naming the step that should have. */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The story has no ${what}: an earlier step did not find or choose it.`);
  return value;
}
