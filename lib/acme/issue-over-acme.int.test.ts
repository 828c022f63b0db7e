// End to end against real servers: Pebble (EAB required) validates DNS-01 records that
// our DNS providers write into PowerDNS; the chain it issues verifies against its root.
// Each step is called the way the renewal job will: with the JSON state of the last one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AcmeError } from "@/lib/acme/acme-failure";
import type { AcmeAccount, AcmeCaSettings, AcmeOrderState } from "@/lib/acme/acme-types";
import { answerAcmeChallenges } from "@/lib/acme/answer-acme-challenges";
import { createAcmeOrder } from "@/lib/acme/create-acme-order";
import { createCertificateRequest } from "@/lib/acme/create-certificate-request";
import { finalizeAcmeOrder } from "@/lib/acme/finalize-acme-order";
import { refreshAcmeOrder } from "@/lib/acme/refresh-acme-order";
import { registerAcmeAccount } from "@/lib/acme/register-acme-account";
import { systemNow } from "@/lib/clock";
import { lookupTxtAtAuthoritative } from "@/lib/dns/lookup-txt-at-authoritative";
import { type DnsProvider, DnsProviderError } from "@/lib/dns/providers/dns-provider";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns-dns-provider";
import { createRfc2136Provider } from "@/lib/dns/providers/rfc2136-dns-provider";
import { type AcmeTestEnvironment, startAcmeTestEnvironment } from "@/testing/servers/start-acme-test-environment";
import { verifyCertificateChain } from "@/testing/verify-certificate-chain";

let env: AcmeTestEnvironment;
let ca: AcmeCaSettings;
let account: AcmeAccount;
let powerdns: DnsProvider;
let rfc2136: DnsProvider;
let tsigSecret: string;
const NAMESERVERS = ["ns1.certdesk.test"];

beforeAll(async () => {
  env = await startAcmeTestEnvironment();
  ca = env.ca();
  account = await registerAcmeAccount(ca);
  powerdns = createPowerDnsProvider({ apiUrl: env.pdns.apiUrl, apiKey: env.pdns.apiKey, serverId: env.pdns.serverId });
  await env.pdns.createZone("rfc.test");
  tsigSecret = await env.pdns.createTsigKey("certdesk-key", "hmac-sha256");
  await env.pdns.allowUpdates("rfc.test", ["certdesk-key"]);
  rfc2136 = createRfc2136Provider(
    { server: env.pdns.dnsAddress, tsigKeyName: "certdesk-key", tsigSecret, tsigAlgorithm: "hmac-sha256" },
    systemNow,
  );
});
afterAll(async () => {
  await env?.close();
});

/** What the next job run gets back from the database. */
const stored = (state: AcmeOrderState): AcmeOrderState => JSON.parse(JSON.stringify(state));

/** The pre-check: every record of the order is served by the authoritative DNS. */
async function recordsInPlace(state: AcmeOrderState): Promise<boolean> {
  for (const authorization of state.authorizations) {
    const record = authorization.dns01?.record;
    if (!record) return false;
    const answer = await lookupTxtAtAuthoritative(record.name, { server: env.pdns.dnsAddress });
    if (!answer.values.includes(record.value)) return false;
  }
  return true;
}

async function finalizeAndVerify(state: AcmeOrderState, domains: string[]) {
  const { csrPem } = await createCertificateRequest({ domains, keyAlgorithm: "ECDSA_P256" });
  const finalized = await finalizeAcmeOrder({ ca, account, state: stored(state), csr: csrPem });
  expect(finalized.state.status).toBe("valid");
  expect(finalized.state.certificateUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);
  const leaf = verifyCertificateChain(
    finalized.certificateChainPem ?? "",
    await env.pebble.rootCertificatePem(),
    systemNow(),
  );
  const sans = (leaf.subjectAltName ?? "").split(", ").map((entry) => entry.replace(/^DNS:/, ""));
  expect(sans.sort()).toEqual([...domains].sort());
  return finalized;
}

describe("issuance over ACME with hosted DNS", () => {
  it("hosted zone through the PowerDNS API: apex and wildcard share one TXT name, the record is gone afterwards", async () => {
    await powerdns.createZone({ name: "hosted.test", nameservers: NAMESERVERS, ownerId: "customer-1" });
    const domains = ["hosted.test", "*.hosted.test"];
    const created = await createAcmeOrder({ ca, account, domains });
    expect(created).toMatchObject({ version: 1, status: "pending", domains, accountUrl: account.accountUrl });
    const records = created.authorizations.map((authorization) => authorization.dns01?.record);
    expect(records.map((record) => record?.name)).toEqual([
      "_acme-challenge.hosted.test",
      "_acme-challenge.hosted.test",
    ]);
    expect(new Set(records.map((record) => record?.value)).size).toBe(2);
    expect(created.authorizations.map((authorization) => authorization.domain).sort()).toEqual([
      "*.hosted.test",
      "hosted.test",
    ]);

    for (const record of records) if (record) await powerdns.addTxt(record.name, record.value);
    expect(await recordsInPlace(created)).toBe(true);

    const answered = await answerAcmeChallenges({ ca, account, state: stored(created) });
    expect(answered.status).toBe("ready");
    expect(answered.authorizations.map((authorization) => authorization.status)).toEqual(["valid", "valid"]);
    await finalizeAndVerify(answered, domains);

    for (const record of records) if (record) await powerdns.removeTxt(record.name, record.value);
    expect(
      (await lookupTxtAtAuthoritative("_acme-challenge.hosted.test", { server: env.pdns.dnsAddress })).values,
    ).toEqual([]);
  });

  it("zone on an RFC 2136 server, records written with TSIG", async () => {
    const domains = ["www.rfc.test"];
    const created = await createAcmeOrder({ ca, account, domains });
    const record = created.authorizations[0]?.dns01?.record;
    if (!record) throw new Error("no dns-01 record");
    await rfc2136.addTxt(record.name, record.value);
    expect(await recordsInPlace(created)).toBe(true);
    const answered = await answerAcmeChallenges({ ca, account, state: stored(created) });
    expect(answered.status).toBe("ready");
    await finalizeAndVerify(answered, domains);
    await rfc2136.removeTxt(record.name, record.value);
    expect(await rfc2136.listTxt(record.name)).toEqual([]);
  });

  it("a wrong TSIG key is refused and reported; nothing is written and the order stays pending", async () => {
    const created = await createAcmeOrder({ ca, account, domains: ["refused.rfc.test"] });
    const record = created.authorizations[0]?.dns01?.record;
    if (!record) throw new Error("no dns-01 record");
    const wrongKey = createRfc2136Provider(
      {
        server: env.pdns.dnsAddress,
        tsigKeyName: "certdesk-key",
        tsigSecret: Buffer.alloc(32, 9).toString("base64"),
        tsigAlgorithm: "hmac-sha256",
      },
      systemNow,
    );
    const error = await wrongKey.addTxt(record.name, record.value).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DnsProviderError);
    expect((error as DnsProviderError).code).toBe("REFUSED");
    expect(await rfc2136.listTxt(record.name)).toEqual([]);
    expect(await recordsInPlace(created)).toBe(false);
    const later = await refreshAcmeOrder({ ca, account, state: stored(created) });
    expect(later.status).toBe("pending");
    expect(later.authorizations[0]?.status).toBe("pending");
  });

  it("a third-party domain completes only after the customer adds the record, in a later run", async () => {
    // The customer's own DNS host: a zone CertDesk does not manage.
    await env.pdns.createZone("customer.test");
    const domains = ["shop.customer.test"];
    const created = stored(await createAcmeOrder({ ca, account, domains }));
    const record = created.authorizations[0]?.dns01?.record;
    if (!record) throw new Error("no dns-01 record");
    expect(record.name).toBe("_acme-challenge.shop.customer.test");

    // Run 1: the record is not there; the job does not answer.
    expect(await recordsInPlace(created)).toBe(false);
    const stillWaiting = stored(await refreshAcmeOrder({ ca, account, state: created }));
    expect(stillWaiting.status).toBe("pending");

    // The customer adds it at their DNS host.
    await env.pdns.setRecords("customer.test", { name: record.name, type: "TXT", contents: [`"${record.value}"`] });

    // Run 2: the pre-check sees it at the authoritative server; answer, then finalize.
    expect(await recordsInPlace(stillWaiting)).toBe(true);
    const answered = await answerAcmeChallenges({ ca, account, state: stillWaiting });
    expect(answered.status).toBe("ready");
    await finalizeAndVerify(answered, domains);
  });

  it("a CNAME delegation: _acme-challenge points into the operator's validation zone, where CertDesk writes", async () => {
    await powerdns.createZone({ name: "validation.test", nameservers: NAMESERVERS, ownerId: "operator" });
    await env.pdns.createZone("delegated.test", [
      { name: "_acme-challenge.www.delegated.test", type: "CNAME", contents: ["www-delegated.validation.test."] },
    ]);
    const domains = ["www.delegated.test"];
    const created = await createAcmeOrder({ ca, account, domains });
    const record = created.authorizations[0]?.dns01?.record;
    if (!record) throw new Error("no dns-01 record");
    const target = await lookupTxtAtAuthoritative(record.name, { server: env.pdns.dnsAddress });
    expect(target.cnames).toEqual(["_acme-challenge.www.delegated.test"]);
    await powerdns.addTxt(target.name, record.value);
    expect(await recordsInPlace(created)).toBe(true);
    const answered = await answerAcmeChallenges({ ca, account, state: stored(created) });
    expect(answered.status).toBe("ready");
    await finalizeAndVerify(answered, domains);
    await powerdns.removeTxt(target.name, record.value);
  });

  it("an answer before the record exists kills the order: RECORD_NOT_FOUND, a new order is needed", async () => {
    await powerdns.createZone({ name: "early.test", nameservers: NAMESERVERS, ownerId: "customer-2" });
    const created = await createAcmeOrder({ ca, account, domains: ["early.test"] });
    const answered = await answerAcmeChallenges({ ca, account, state: stored(created) });
    expect(answered.status).toBe("invalid");
    expect(answered.failure).toMatchObject({
      reason: "RECORD_NOT_FOUND",
      recovery: "new-order",
      transient: false,
      domain: "early.test",
      problemType: "urn:ietf:params:acme:error:unauthorized",
    });
    expect(answered.authorizations[0]?.failure?.reason).toBe("RECORD_NOT_FOUND");
    const { csrPem } = await createCertificateRequest({ domains: ["early.test"], keyAlgorithm: "ECDSA_P256" });
    const error = await finalizeAcmeOrder({ ca, account, state: answered, csr: csrPem }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AcmeError);
    expect((error as AcmeError).failure.reason).toBe("RECORD_NOT_FOUND");
  });

  it("refuses a CSR for other names before asking the CA, and finalize before validation", async () => {
    const created = await createAcmeOrder({ ca, account, domains: ["csr.hosted.test"] });
    const other = await createCertificateRequest({ domains: ["other.hosted.test"], keyAlgorithm: "ECDSA_P256" });
    const mismatch = await finalizeAcmeOrder({ ca, account, state: created, csr: other.csrPem }).catch(
      (caught: unknown) => caught,
    );
    expect((mismatch as AcmeError).failure).toMatchObject({ reason: "CSR_REJECTED", recovery: "fix-request" });
    const right = await createCertificateRequest({ domains: ["csr.hosted.test"], keyAlgorithm: "RSA_2048" });
    const der = Buffer.from(right.csrPem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const early = await finalizeAcmeOrder({ ca, account, state: created, csr: der }).catch((caught: unknown) => caught);
    expect((early as AcmeError).failure).toMatchObject({
      reason: "ORDER_NOT_READY",
      detail: "not validated yet: csr.hosted.test",
    });
  });
});
