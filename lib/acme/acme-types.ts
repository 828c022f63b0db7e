// The contracts of CertDesk's ACME module (RFC 8555 with External Account Binding).
// Everything here is plain JSON: a caller stores AcmeCaSettings with the issuer,
// AcmeAccount with the CA profile (accountKeyPem and the EAB HMAC key encrypted with
// lib/crypto/secret-box), AcmeOrderState with the renewal, and hands them back on the
// next job run. Nothing outside lib/acme imports acme-client.
//
// The calls, in order (each may run in a different process, from the stored JSON):
//   1. testAcmeConnection(ca) / registerAcmeAccount(ca, key?)  → AcmeAccount to store
//   2. createAcmeOrder({ ca, account, domains })               → AcmeOrderState to store;
//      write each authorization's dns01.record (DnsProvider.addTxt) or show it to the customer
//   3. every job run: lookupTxtAtAuthoritative(record.name) for each record; only when every
//      value is there, answerAcmeChallenges(...) → "ready", "pending" (ask again) or "invalid"
//   4. finalizeAcmeOrder({ ..., csr })                          → chain PEM (null: call again),
//      then remove the records (DnsProvider.removeTxt)
// Any step throws AcmeError; its failure.recovery says what next: "retry" (the only transient
// one: wait acmeRetryDelayMs and call the same step with the same state), "new-order",
// "new-account" (registerAcmeAccount with the same key, then a new order), "operator",
// "fix-request". A CA that restarts and forgets (Pebble) gives ACCOUNT_GONE, then ORDER_GONE.

/** One ACME CA as the operator configures it for a brand or product. */
export type AcmeCaSettings = {
  /** The CA's directory, e.g. https://acme.zerossl.com/v2/DV90. */
  directoryUrl: string;
  /** Required by commercial CAs (ZeroSSL, Sectigo, DigiCert, GlobalSign, Google): the key id and the base64url HMAC key they hand out. */
  externalAccountBinding?: { keyId: string; hmacKey: string } | null;
  /** Where the CA sends expiry and policy mail. */
  contactEmail?: string | null;
  /** The operator has accepted the CA's terms of service (testAcmeConnection reports their URL). */
  termsOfServiceAgreed: boolean;
  /**
   * Extra CA certificates (PEM) trusted for HTTPS to this CA's host, replacing the system
   * roots for it: a private ACME CA, Pebble. Unset: ACME_CA_BUNDLE, else the system's roots.
   */
  caBundlePem?: string | null;
  /** Upper bound for each HTTP request to the CA. Default 30 s. */
  requestTimeoutMs?: number;
};

/** CertDesk's account at one CA. The key is created by CertDesk; store it encrypted. */
export type AcmeAccount = {
  /** PKCS#8 PEM of the account key (EC P-256). */
  accountKeyPem: string;
  /** The account's URL at the CA (the JWS `kid`). */
  accountUrl: string;
};

export type AcmeOrderStatus = "pending" | "ready" | "processing" | "valid" | "invalid";
export type AcmeAuthorizationStatus = "pending" | "valid" | "invalid" | "deactivated" | "expired" | "revoked";
export type AcmeChallengeStatus = "pending" | "processing" | "valid" | "invalid";

/** The DNS-01 record that proves control of one name, as the console shows it and a DNS provider writes it. */
export type AcmeDnsRecord = {
  /** `_acme-challenge.<name>` (a wildcard's record is its base name's). Lower-case, no trailing dot. */
  name: string;
  type: "TXT";
  /** base64url SHA-256 of the key authorization. */
  value: string;
};

export type AcmeAuthorizationState = {
  url: string;
  /** The name as ordered: `*.example.com` for a wildcard's authorization. */
  domain: string;
  status: AcmeAuthorizationStatus;
  /** ISO time after which the CA drops it (Pebble: 1 hour; real CAs: days). */
  expires: string | null;
  /** The dns-01 challenge; null when the CA offers none (or the authorization was already valid without one). */
  dns01: { url: string; status: AcmeChallengeStatus; record: AcmeDnsRecord } | null;
  /** Why it is invalid, once it is. */
  failure: AcmeFailure | null;
};

/** Everything needed to resume an order in another process, with the account. */
export type AcmeOrderState = {
  version: 1;
  directoryUrl: string;
  accountUrl: string;
  orderUrl: string;
  finalizeUrl: string;
  /** Set once the order is valid: where the chain is downloaded. */
  certificateUrl: string | null;
  status: AcmeOrderStatus;
  expires: string | null;
  /** The names ordered, as given. */
  domains: string[];
  authorizations: AcmeAuthorizationState[];
  /** Why the order is invalid, once it is: the failing authorization's failure, else the CA's error. */
  failure: AcmeFailure | null;
};

/**
 * What a failure is, in terms a customer or an operator can act on. Validation and
 * policy reasons kill the order at the CA; transport reasons leave it as it was.
 */
export type AcmeFailureReason =
  /** Connection refused, reset, timed out, DNS of the CA's host failed: try the same step later. */
  | "CA_UNREACHABLE"
  /** The CA answered with a server error (HTTP 5xx, serverInternal): try later. */
  | "CA_ERROR"
  /** Rate limited (HTTP 429, rateLimited): try after `retryAfter`. */
  | "RATE_LIMITED"
  /** Nonces kept being refused after the client's own retries: try later. */
  | "BAD_NONCE"
  /** The CA's HTTPS certificate is not trusted (or expired, or for another host): set its CA bundle. */
  | "TLS_ERROR"
  /** The URL answers, but not with an ACME directory (wrong URL, HTTP 404). */
  | "NOT_AN_ACME_DIRECTORY"
  /** The CA requires External Account Binding and none was configured. */
  | "EAB_REQUIRED"
  /** The CA refused the EAB key id or HMAC key. */
  | "EAB_REFUSED"
  /** The CA requires agreement to its terms of service (or to new terms). */
  | "TERMS_NOT_ACCEPTED"
  /** The CA refused the account for another reason (policy, contact address). */
  | "ACCOUNT_REFUSED"
  /** The CA does not know the account (deleted, or a test CA restarted): register it again, then create a new order. */
  | "ACCOUNT_GONE"
  /** The CA does not know the order any more (expired, deleted, or a test CA restarted): create a new order. */
  | "ORDER_GONE"
  /** The CA looked for the TXT record and did not find the right value. */
  | "RECORD_NOT_FOUND"
  /** A CAA record of the domain forbids this CA. */
  | "CAA_FORBIDS"
  /** The CA will not issue for this name (policy, blocked, not a valid name). */
  | "REJECTED_IDENTIFIER"
  /** The CSR was refused, or does not name exactly the order's domains. */
  | "CSR_REJECTED"
  /** Finalize was asked of an order that is not ready: its authorizations are not all valid yet. */
  | "ORDER_NOT_READY"
  /** The order is invalid for a reason the CA did not classify. */
  | "ORDER_INVALID"
  /** Anything else the CA said; `detail` has its words. */
  | "CA_REFUSED";

/**
 * What the caller does next:
 * - "retry": the same call with the same state, later (acmeRetryDelayMs); `transient` is true only here.
 * - "new-order": this order can never complete; create a new one, after the cause is fixed.
 * - "new-account": register the account again (registerAcmeAccount), then create a new order.
 * - "operator": a setting of the CA profile is wrong (directory, EAB, terms, CA bundle).
 * - "fix-request": the request itself is wrong (a name the CA refuses, a CSR that does not match); retrying as is cannot succeed.
 */
export type AcmeRecovery = "retry" | "new-order" | "new-account" | "operator" | "fix-request";

export type AcmeFailure = {
  reason: AcmeFailureReason;
  recovery: AcmeRecovery;
  /** True exactly when `recovery` is "retry": the only failures later job runs retry by themselves. */
  transient: boolean;
  /** The CA's or the transport's own words, for the admin dashboard and logs (never a key or secret). */
  detail: string;
  /** The RFC 8555 problem type when the CA gave one, e.g. `urn:ietf:params:acme:error:caa`. */
  problemType: string | null;
  /** The domain it concerns, for validation failures (`*.example.com` for a wildcard). */
  domain: string | null;
  /** Seconds the CA asked us to wait (Retry-After), when it said. */
  retryAfterSeconds: number | null;
};

/** Where in the protocol a failure happened: the same problem type means different things in different steps. */
export type AcmeStep = "directory" | "account" | "order" | "challenge" | "finalize" | "certificate";
