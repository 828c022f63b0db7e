import "server-only";
import {
  INTERMEDIATE_VALIDITY_YEARS,
  intermediateCaKey,
  normalizeBrand,
  ROOT_CA_KEY,
  ROOT_VALIDITY_YEARS,
} from "@/lib/ca/certificate-authority-names";
import { createIntermediateCertificateAuthority } from "@/lib/ca/create-intermediate-certificate-authority";
import { createRootCertificateAuthority } from "@/lib/ca/create-root-certificate-authority";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { type DbTransaction, db } from "@/lib/db/client";
import type { CertificateAuthorityKind } from "@/lib/generated/prisma/enums";

export type StoredCertificateAuthority = {
  id: string;
  /** "root" or "intermediate:<brand>"; also the associated data sealing its key. */
  key: string;
  kind: CertificateAuthorityKind;
  brand: string | null;
  subject: string;
  certificatePem: string;
  /** Secret-box envelope of the PKCS#8 PEM key, associated data = `key`. */
  privateKeyEncrypted: string;
  notBefore: Date;
  notAfter: Date;
};

export type CertificateAuthorities = {
  root: StoredCertificateAuthority;
  /** By brand, as normalized (trimmed; case kept: "DNSPod"). */
  intermediates: Map<string, StoredCertificateAuthority>;
};

const SELECT = {
  id: true,
  key: true,
  kind: true,
  brand: true,
  subject: true,
  certificatePem: true,
  privateKeyEncrypted: true,
  notBefore: true,
  notAfter: true,
} as const;

// One lock for the whole CA table: creation happens once per brand in the life of an
// installation, so serializing it costs nothing and keeps the logic obvious.
const LOCK_NAME = "certdesk:certificate-authorities";

async function createMissing(
  tx: DbTransaction,
  keys: readonly string[],
  brands: readonly string[],
  input: { now: Date; encryptionKey: Uint8Array },
): Promise<Map<string, StoredCertificateAuthority>> {
  const existing = await tx.certificateAuthority.findMany({ where: { key: { in: [...keys] } }, select: SELECT });
  const byKey = new Map(existing.map((row) => [row.key, row]));

  let root = byKey.get(ROOT_CA_KEY);
  if (!root) {
    const material = await createRootCertificateAuthority({ now: input.now, validityYears: ROOT_VALIDITY_YEARS });
    root = await tx.certificateAuthority.create({
      data: {
        key: ROOT_CA_KEY,
        kind: "ROOT",
        subject: material.subject,
        certificatePem: material.certificatePem,
        privateKeyEncrypted: encryptSecret(material.privateKeyPem, input.encryptionKey, ROOT_CA_KEY),
        notBefore: material.notBefore,
        notAfter: material.notAfter,
        createdAt: input.now,
      },
      select: SELECT,
    });
    byKey.set(ROOT_CA_KEY, root);
  }

  const missing = brands.filter((brand) => !byKey.has(intermediateCaKey(brand)));
  if (missing.length === 0) return byKey;
  // Throws SecretDecryptionError under a different ENCRYPTION_KEY: better than a second root.
  const rootIssuer = {
    certificatePem: root.certificatePem,
    privateKeyPem: decryptSecret(root.privateKeyEncrypted, input.encryptionKey, ROOT_CA_KEY),
  };
  for (const brand of missing) {
    const key = intermediateCaKey(brand);
    const material = await createIntermediateCertificateAuthority({
      brand,
      root: rootIssuer,
      now: input.now,
      validityYears: INTERMEDIATE_VALIDITY_YEARS,
    });
    const created = await tx.certificateAuthority.create({
      data: {
        key,
        kind: "INTERMEDIATE",
        brand,
        subject: material.subject,
        certificatePem: material.certificatePem,
        privateKeyEncrypted: encryptSecret(material.privateKeyPem, input.encryptionKey, key),
        notBefore: material.notBefore,
        notAfter: material.notAfter,
        createdAt: input.now,
      },
      select: SELECT,
    });
    byKey.set(key, created);
  }
  return byKey;
}

/**
 * The root and the intermediates of `brands`, creating whichever does not exist yet
 * (root: 20 years from `now`; intermediates: 10 years, signed by the root). Private
 * keys are stored only sealed with `encryptionKey` (getConfig().encryptionKey).
 * An existing root is never replaced. Safe when several processes call it at once:
 * creation runs under a transaction-level advisory lock and re-reads first.
 */
export async function ensureCertificateAuthorities(input: {
  brands: readonly string[];
  now: Date;
  encryptionKey: Uint8Array;
}): Promise<CertificateAuthorities> {
  const brands = [...new Set(input.brands.map(normalizeBrand))];
  const keys = [ROOT_CA_KEY, ...brands.map(intermediateCaKey)];

  // Every call after the first few finds everything and takes no lock.
  const found = await db.certificateAuthority.findMany({ where: { key: { in: keys } }, select: SELECT });
  let byKey = new Map(found.map((row) => [row.key, row]));
  if (byKey.size < keys.length) {
    byKey = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK_NAME}, 0))`;
        return createMissing(tx, keys, brands, input);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }

  const pick = (key: string): StoredCertificateAuthority => {
    const row = byKey.get(key);
    if (!row) throw new Error(`Certificate authority "${key}" is missing after ensuring it`);
    return row;
  };
  return {
    root: pick(ROOT_CA_KEY),
    intermediates: new Map(brands.map((brand) => [brand, pick(intermediateCaKey(brand))])),
  };
}
