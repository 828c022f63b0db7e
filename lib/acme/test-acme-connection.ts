// The admin's "Test connection" for an ACME CA: reads the directory, then registers or
// looks up the account, and says precisely which step failed and why.
import "server-only";
import { AcmeError, acmeFailure } from "@/lib/acme/acme-failure";
import { fetchAcmeDirectory, runAcmeStep } from "@/lib/acme/acme-transport";
import type { AcmeCaSettings, AcmeFailure } from "@/lib/acme/acme-types";
import { type RegisteredAcmeAccount, registerAcmeAccount } from "@/lib/acme/register-acme-account";

export type AcmeDirectoryInfo = {
  /** The CA's terms of service, to show beside the "I accept" box. */
  termsOfServiceUrl: string | null;
  externalAccountRequired: boolean;
  website: string | null;
  /** Names the CA gives for its CAA records (`issuer-domain-names`), for the console's CAA advice. */
  caaIdentities: string[];
};

export type AcmeConnectionTest =
  | { ok: true; directory: AcmeDirectoryInfo; account: RegisteredAcmeAccount }
  | { ok: false; step: "directory" | "account"; failure: AcmeFailure; directory: AcmeDirectoryInfo | null };

const REQUIRED_RESOURCES = ["newNonce", "newAccount", "newOrder"] as const;

function readDirectory(body: unknown): AcmeDirectoryInfo {
  const directory = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const missing = REQUIRED_RESOURCES.filter((resource) => typeof directory[resource] !== "string");
  if (missing.length > 0) {
    throw new AcmeError(
      acmeFailure("NOT_AN_ACME_DIRECTORY", `the answer has no ${missing.join(", ")}: not an ACME directory`),
      "directory",
    );
  }
  const meta = (directory.meta && typeof directory.meta === "object" ? directory.meta : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    termsOfServiceUrl: text(meta.termsOfService),
    externalAccountRequired: meta.externalAccountRequired === true,
    website: text(meta.website),
    caaIdentities: Array.isArray(meta.caaIdentities) ? meta.caaIdentities.filter((v) => typeof v === "string") : [],
  };
}

/**
 * Never throws for a failure it can name: the result says which step failed. With
 * `accountKeyPem` it looks up (or re-registers) that account; without, it registers a
 * new one, whose key the caller stores encrypted.
 */
export async function testAcmeConnection(ca: AcmeCaSettings, accountKeyPem?: string): Promise<AcmeConnectionTest> {
  let directory: AcmeDirectoryInfo;
  try {
    directory = await runAcmeStep("directory", ca, async () => readDirectory(await fetchAcmeDirectory(ca)));
  } catch (error) {
    if (error instanceof AcmeError) return { ok: false, step: "directory", failure: error.failure, directory: null };
    throw error;
  }
  if (directory.externalAccountRequired && !ca.externalAccountBinding && !accountKeyPem) {
    const failure = acmeFailure(
      "EAB_REQUIRED",
      "the CA requires External Account Binding: enter the key id and HMAC key it gave you",
    );
    return { ok: false, step: "account", failure, directory };
  }
  try {
    return { ok: true, directory, account: await registerAcmeAccount(ca, accountKeyPem) };
  } catch (error) {
    if (error instanceof AcmeError) return { ok: false, step: "account", failure: error.failure, directory };
    throw error;
  }
}
