// What the admin and the renewal job are told when the CA or its settings are wrong,
// against a real Pebble: typed reasons, and whether a later run should retry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AcmeError } from "@/lib/acme/acme-failure";
import { acmeRetryDelayMs } from "@/lib/acme/acme-retry-delay";
import type { AcmeOrderState } from "@/lib/acme/acme-types";
import { answerAcmeChallenges } from "@/lib/acme/answer-acme-challenges";
import { createAcmeOrder } from "@/lib/acme/create-acme-order";
import { createCertificateRequest } from "@/lib/acme/create-certificate-request";
import { finalizeAcmeOrder } from "@/lib/acme/finalize-acme-order";
import { refreshAcmeOrder } from "@/lib/acme/refresh-acme-order";
import { registerAcmeAccount } from "@/lib/acme/register-acme-account";
import { testAcmeConnection } from "@/lib/acme/test-acme-connection";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns-dns-provider";
import { findFreePort } from "@/testing/servers/free-port";
import { type AcmeTestEnvironment, startAcmeTestEnvironment } from "@/testing/servers/start-acme-test-environment";
import { startPebble } from "@/testing/servers/start-pebble";

let env: AcmeTestEnvironment;

beforeAll(async () => {
  env = await startAcmeTestEnvironment();
});
afterAll(async () => {
  await env?.close();
});

async function acmeError(promise: Promise<unknown>): Promise<AcmeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AcmeError);
  return error as AcmeError;
}

describe("test connection", () => {
  it("registers an account with EAB, then finds the same one for the same key", async () => {
    const first = await testAcmeConnection(env.ca());
    if (!first.ok) throw new Error(`expected success, got ${first.failure.reason}: ${first.failure.detail}`);
    expect(first.directory).toMatchObject({ externalAccountRequired: true, termsOfServiceUrl: expect.any(String) });
    expect(first.account).toMatchObject({
      created: true,
      accountUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\//),
    });
    expect(first.account.accountKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    // Looking up needs no EAB any more.
    const again = await testAcmeConnection(env.ca({ externalAccountBinding: null }), first.account.accountKeyPem);
    expect(again).toMatchObject({ ok: true, account: { created: false, accountUrl: first.account.accountUrl } });
  });

  it("a wrong EAB HMAC key or key id is refused at the account step", async () => {
    const wrongKey = await testAcmeConnection(
      env.ca({
        externalAccountBinding: { keyId: env.pebble.eab.keyId, hmacKey: Buffer.alloc(32, 1).toString("base64url") },
      }),
    );
    expect(wrongKey).toMatchObject({
      ok: false,
      step: "account",
      failure: { reason: "EAB_REFUSED", recovery: "operator", transient: false },
    });
    expect(wrongKey.ok || wrongKey.failure.detail).toMatch(/external account binding/i);
    const wrongId = await testAcmeConnection(
      env.ca({ externalAccountBinding: { keyId: "no-such-kid", hmacKey: env.pebble.eab.hmacKey } }),
    );
    expect(wrongId).toMatchObject({ ok: false, step: "account", failure: { reason: "EAB_REFUSED" } });
  });

  it("no EAB where the CA requires it, and terms not accepted, say so", async () => {
    expect(await testAcmeConnection(env.ca({ externalAccountBinding: null }))).toMatchObject({
      ok: false,
      step: "account",
      failure: { reason: "EAB_REQUIRED" },
    });
    // Asked anyway (as registerAcmeAccount would), the CA says the same.
    const asked = await acmeError(registerAcmeAccount(env.ca({ externalAccountBinding: null })));
    expect(asked.failure).toMatchObject({
      reason: "EAB_REQUIRED",
      problemType: "urn:ietf:params:acme:error:externalAccountRequired",
    });
    expect(await testAcmeConnection(env.ca({ termsOfServiceAgreed: false }))).toMatchObject({
      ok: false,
      step: "account",
      failure: { reason: "TERMS_NOT_ACCEPTED", problemType: "urn:ietf:params:acme:error:agreementRequired" },
    });
  });

  it("an untrusted certificate, a closed port and a URL that is no directory fail at the directory step", async () => {
    // null: no CA bundle for this CA, and no ACME_CA_BUNDLE: the system roots do not know Pebble's listener.
    expect(await testAcmeConnection(env.ca({ caBundlePem: null }))).toMatchObject({
      ok: false,
      step: "directory",
      failure: { reason: "TLS_ERROR", recovery: "operator" },
    });
    const closed = `https://127.0.0.1:${await findFreePort()}/dir`;
    expect(await testAcmeConnection(env.ca({ directoryUrl: closed }))).toMatchObject({
      ok: false,
      step: "directory",
      failure: { reason: "CA_UNREACHABLE", transient: true, detail: expect.stringMatching(/ECONNREFUSED/) },
    });
    const notADirectory = env.pebble.directoryUrl.replace(/\/dir$/, "/no-such-page");
    expect(await testAcmeConnection(env.ca({ directoryUrl: notADirectory }))).toMatchObject({
      ok: false,
      step: "directory",
      failure: { reason: "NOT_AN_ACME_DIRECTORY" },
    });
  });
});

describe("nonces the CA keeps refusing", () => {
  it("are retried by acme-client, then reported as BAD_NONCE, a transient failure", async () => {
    const refusing = await startPebble({ dnsServer: env.pdns.dnsAddress, nonceRejectPercent: 100 });
    try {
      const ca = env.ca({
        directoryUrl: refusing.directoryUrl,
        externalAccountBinding: refusing.eab,
        caBundlePem: refusing.listenerCertificatePem,
      });
      const error = await acmeError(registerAcmeAccount(ca));
      expect(error.failure).toMatchObject({
        reason: "BAD_NONCE",
        transient: true,
        problemType: "urn:ietf:params:acme:error:badNonce",
      });
    } finally {
      await refusing.close();
    }
  });
});

describe("the CA going away in the middle of an order", () => {
  it("is transient while Pebble is down; after its restart the order is gone and a new account and order complete", async () => {
    const ca = env.ca();
    const registered = await registerAcmeAccount(ca);
    const account = { accountKeyPem: registered.accountKeyPem, accountUrl: registered.accountUrl };
    const provider = createPowerDnsProvider({
      apiUrl: env.pdns.apiUrl,
      apiKey: env.pdns.apiKey,
      serverId: env.pdns.serverId,
    });
    await provider.createZone({ name: "outage.test", nameservers: ["ns1.certdesk.test"], ownerId: "customer" });
    const domains = ["outage.test"];
    const writeRecords = async (state: AcmeOrderState) => {
      for (const authorization of state.authorizations) {
        const record = authorization.dns01?.record;
        if (record) await provider.addTxt(record.name, record.value);
      }
    };
    const created = await createAcmeOrder({ ca, account, domains });
    await writeRecords(created);
    const ready = await answerAcmeChallenges({ ca, account, state: created });
    expect(ready.status).toBe("ready");
    const { csrPem } = await createCertificateRequest({ domains, keyAlgorithm: "ECDSA_P256" });

    await env.pebble.stop();
    const down = await acmeError(finalizeAcmeOrder({ ca, account, state: ready, csr: csrPem }));
    expect(down.step).toBe("finalize");
    expect(down.failure).toMatchObject({ reason: "CA_UNREACHABLE", recovery: "retry", transient: true });
    expect(down.failure.detail).toMatch(/ECONNREFUSED/);
    expect(acmeRetryDelayMs({ failure: down.failure, attempt: 1, random: 0.5 })).toBe(45_000);
    expect((await acmeError(refreshAcmeOrder({ ca, account, state: ready }))).failure.reason).toBe("CA_UNREACHABLE");

    // Pebble keeps nothing across a restart: the account is unknown, so is the order.
    await env.pebble.start();
    const accountGone = await acmeError(refreshAcmeOrder({ ca, account, state: ready }));
    expect(accountGone.failure).toMatchObject({ reason: "ACCOUNT_GONE", recovery: "new-account", transient: false });
    expect(acmeRetryDelayMs({ failure: accountGone.failure, attempt: 1, random: 0.5 })).toBeNull();

    const again = await registerAcmeAccount(ca, account.accountKeyPem);
    expect(again.created).toBe(true);
    const renewed = { accountKeyPem: again.accountKeyPem, accountUrl: again.accountUrl };
    const orderGone = await acmeError(finalizeAcmeOrder({ ca, account: renewed, state: ready, csr: csrPem }));
    expect(orderGone.failure).toMatchObject({ reason: "ORDER_GONE", recovery: "new-order" });
    // What Pebble itself says of the old order URL, asked with the new account.
    const asked = await acmeError(
      refreshAcmeOrder({ ca, account: renewed, state: { ...ready, accountUrl: renewed.accountUrl } }),
    );
    expect(asked.failure).toMatchObject({ reason: "ORDER_GONE", recovery: "new-order" });

    const fresh = await createAcmeOrder({ ca, account: renewed, domains });
    await writeRecords(fresh);
    const freshReady = await answerAcmeChallenges({ ca, account: renewed, state: fresh });
    const finalized = await finalizeAcmeOrder({ ca, account: renewed, state: freshReady, csr: csrPem });
    expect(finalized.state.status).toBe("valid");
    expect(finalized.certificateChainPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});
