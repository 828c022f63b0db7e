// Creates CertDesk's account at a CA, or finds the one its key already has. Safe to call
// again at any time: with the same key it returns the same account, and after the CA
// forgot it (ACCOUNT_GONE) it registers that key again.
import "server-only";
import { AcmeError, acmeFailure } from "@/lib/acme/acme-failure";
import { openAcmeClient, runAcmeStep, toAcmeError } from "@/lib/acme/acme-transport";
import type { AcmeAccount, AcmeCaSettings } from "@/lib/acme/acme-types";
import { generateAcmeAccountKey } from "@/lib/acme/generate-acme-account-key";

export type RegisteredAcmeAccount = AcmeAccount & {
  /** True when this call registered it; false when the CA already knew the key. */
  created: boolean;
};

/**
 * The account for `accountKeyPem` (a new key when omitted). EAB, the contact address and
 * the terms agreement from `ca` are sent only when a new account is registered. Throws
 * AcmeError (step "account"): EAB_REQUIRED, EAB_REFUSED, TERMS_NOT_ACCEPTED,
 * ACCOUNT_REFUSED, ACCOUNT_GONE (a deactivated account: register a new key),
 * CA_UNREACHABLE, TLS_ERROR...
 */
export async function registerAcmeAccount(ca: AcmeCaSettings, accountKeyPem?: string): Promise<RegisteredAcmeAccount> {
  const key = accountKeyPem ?? (await generateAcmeAccountKey());
  return runAcmeStep("account", ca, async () => {
    if (accountKeyPem) {
      const existing = await findAccount(ca, key);
      if (existing) return { ...existing, created: false };
    }
    const client = openAcmeClient(ca, { accountKeyPem: key }, { withEab: true });
    const account = await client.createAccount({
      termsOfServiceAgreed: ca.termsOfServiceAgreed,
      ...(ca.contactEmail ? { contact: [`mailto:${ca.contactEmail}`] } : {}),
    });
    if (account.status !== "valid") {
      throw new AcmeError(acmeFailure("ACCOUNT_REFUSED", `the new account is ${account.status}`), "account");
    }
    return { accountKeyPem: key, accountUrl: client.getAccountUrl(), created: true };
  });
}

/** The account the CA has for this key, or null when it has none (accountDoesNotExist). */
async function findAccount(ca: AcmeCaSettings, accountKeyPem: string): Promise<AcmeAccount | null> {
  const client = openAcmeClient(ca, { accountKeyPem });
  try {
    const account = await client.createAccount({ onlyReturnExisting: true });
    if (account.status !== "valid") {
      throw new AcmeError(
        acmeFailure("ACCOUNT_GONE", `the account of this key is ${account.status}; register a new key`),
        "account",
      );
    }
    return { accountKeyPem, accountUrl: client.getAccountUrl() };
  } catch (error) {
    if (error instanceof AcmeError) throw error;
    const mapped = toAcmeError(error, "account", ca);
    if (mapped.failure.reason === "ACCOUNT_GONE") return null;
    throw mapped;
  }
}
