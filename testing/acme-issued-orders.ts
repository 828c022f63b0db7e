// Test support for the ACME issuance tests (the job's, the reissue's): a funded customer's
// order of the ACME product that the job must finish, and the check that what was stored
// is Pebble's certificate for the name, its order issued and the customer told once.
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { placeCertificateOrder } from "@/lib/orders/place-certificate-order";
import { createTestUser, fundAccount } from "@/testing/factories";
import { verifyCertificateChain } from "@/testing/verify-certificate-chain";

/** A new customer with $200 whose `place()` orders one name of the product, validated over DNS. */
export async function acmeTestOrder(input: {
  productId: string;
  name: string;
  idempotencyKey: string;
  now: () => Date;
}) {
  const owner = await createTestUser();
  await fundAccount(owner.id, 20_000);
  const place = async () => {
    const outcome = await placeCertificateOrder({
      ownerId: owner.id,
      actorId: owner.id,
      ip: null,
      now: input.now(),
      order: {
        idempotencyKey: input.idempotencyKey,
        flow: "PURCHASE",
        productId: input.productId,
        domainCount: 1,
        names: [input.name],
        validationMethod: "DNS",
        key: { source: "GENERATE", algorithm: "ECDSA_P256" },
        autoRenew: false,
      },
    });
    if (outcome.status !== "placed") throw new Error(`not placed: ${JSON.stringify(outcome)}`);
    expect(outcome.issued).toBe(false);
    return outcome;
  };
  return { owner, place };
}

export type PebbleIssuance = { rootPem: string; issuerId?: string };

/** The stored certificate is Pebble's: its chain verifies against the root given, for `name`. */
export async function expectPebbleChain(certificateId: string, name: string, pebble: PebbleIssuance) {
  const certificate = await db.certificate.findUniqueOrThrow({ where: { id: certificateId } });
  expect(certificate).toMatchObject({ status: "ISSUED", acmeFailureReason: null });
  if (pebble.issuerId) expect(certificate.issuerId).toBe(pebble.issuerId);
  const rootPem = pebble.rootPem;
  const leaf = verifyCertificateChain(`${certificate.certificatePem}${certificate.chainPem}`, rootPem, new Date());
  expect(leaf.subjectAltName).toBe(`DNS:${name}`);
  expect(leaf.serialNumber.toLowerCase()).toBe(certificate.serialNumber);
  return { certificate, leaf };
}

/** Pebble's certificate, its order issued, and one "issued" notice to the customer. */
export async function expectIssuedByPebble(certificateId: string, name: string, pebble: PebbleIssuance) {
  const { certificate } = await expectPebbleChain(certificateId, name, pebble);
  const order = await db.certificateOrder.findFirstOrThrow({ where: { certificateId } });
  expect(order.status).toBe("ISSUED");
  expect(await db.notification.count({ where: { certificateId, kind: "CERTIFICATE_ISSUED" } })).toBe(1);
  return certificate;
}
