// Set-based seeding for the benchmarks: one INSERT … SELECT generate_series per
// table, so 100,000 certificates take seconds, not minutes. Rows look like the
// app's own (ids of the same shape, every NOT NULL column the app sets).
import type pg from "pg";

export const BENCH_PRICE = { brand: "DNSPod", certificateType: "DV", domainType: "SINGLE", priceMinor: 2_900 } as const;

export type DueSeed = {
  /** Due certificates: auto-renewal on, issued, expiring 10–29 days after `now`. */
  certificates: number;
  accounts: number;
  now: Date;
  /** Certificates that are not due (later expiry, or auto-renewal off), so the claim has to skip rows. */
  background: number;
};

export type DueSeedSummary = { due: number; background: number; accounts: number; balancePerAccountMinor: number };

/**
 * N due DNSPod DV SINGLE certificates spread evenly over the accounts, each account
 * topped up (through a TOP_UP ledger entry, so balances match the ledger) with more
 * than its certificates' fees.
 */
export async function seedDueCertificates(client: pg.Client, seed: DueSeed): Promise<DueSeedSummary> {
  const perAccount = Math.ceil(seed.certificates / seed.accounts);
  const balance = perAccount * BENCH_PRICE.priceMinor + 10_000;
  const now = seed.now.toISOString();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Price" (id, brand, "certificateType", "domainType", "validityYears", "priceMinor", currency,
                          "autoRenewSupported", "updatedAt")
     VALUES ('bench-price', $1, $2::"CertificateType", $3::"DomainType", 1, $4, 'USD', true, $5)
     ON CONFLICT DO NOTHING`,
    [BENCH_PRICE.brand, BENCH_PRICE.certificateType, BENCH_PRICE.domainType, BENCH_PRICE.priceMinor, now],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
     SELECT 'bu' || lpad(g::text, 10, '0'), 'bench-' || g || '@bench.test', 'Bench customer ' || g,
            '!bench-no-sign-in', 'CUSTOMER', $2::timestamptz - interval '400 days', $2::timestamptz - interval '400 days'
       FROM generate_series(1, $1::int) AS g`,
    [seed.accounts, now],
  );
  await client.query(
    `INSERT INTO "BillingAccount" (id, "ownerId", currency, "balanceMinor", "createdAt", "updatedAt")
     SELECT 'ba' || lpad(g::text, 10, '0'), 'bu' || lpad(g::text, 10, '0'), 'USD', $2::int,
            $3::timestamptz - interval '400 days', $3::timestamptz - interval '1 day'
       FROM generate_series(1, $1::int) AS g`,
    [seed.accounts, balance, now],
  );
  await client.query(
    `INSERT INTO "LedgerEntry" (id, "accountId", kind, "amountMinor", "balanceAfterMinor", currency, "idempotencyKey",
                                "createdAt")
     SELECT 'bl' || lpad(g::text, 10, '0'), 'ba' || lpad(g::text, 10, '0'), 'TOP_UP', $2::int, $2::int, 'USD',
            'bench-topup:' || g, $3::timestamptz - interval '1 day'
       FROM generate_series(1, $1::int) AS g`,
    [seed.accounts, balance, now],
  );
  // Expiry spread over [now + 10 d, now + 29 d), deterministic per row.
  await client.query(
    `INSERT INTO "Certificate" (id, "ownerId", tags, brand, "certificateType", "domainType", domain, sans, source,
                                "validityYears", status, "notBefore", "issuedAt", "expiresAt", "autoRenewState",
                                "autoRenewChangedAt", "createdAt", "updatedAt")
     SELECT 'bc' || lpad(to_hex(g), 10, '0'), 'bu' || lpad(((g - 1) % $2::int + 1)::text, 10, '0'), '{}',
            $4, $5::"CertificateType", $6::"DomainType",
            'site' || g || '.customer' || ((g - 1) % $2::int + 1) || '.example', '{}', 'PURCHASED', 1, 'ISSUED',
            e - interval '1 year', e - interval '1 year', e, 'ON', $3::timestamptz - interval '60 days',
            e - interval '1 year', e - interval '1 year'
       FROM (SELECT g, $3::timestamptz + interval '10 days'
                       + make_interval(secs => ((g::bigint * 7919) % (19 * 86400))::double precision) AS e
               FROM generate_series(1, $1::int) AS g) AS due`,
    [seed.certificates, seed.accounts, now, BENCH_PRICE.brand, BENCH_PRICE.certificateType, BENCH_PRICE.domainType],
  );
  // Not due: expiring 40–400 days out with auto-renewal on, or soon but with it off.
  await client.query(
    `INSERT INTO "Certificate" (id, "ownerId", tags, brand, "certificateType", "domainType", domain, sans, source,
                                "validityYears", status, "notBefore", "issuedAt", "expiresAt", "autoRenewState",
                                "createdAt", "updatedAt")
     SELECT 'bk' || lpad(to_hex(g), 10, '0'), 'bu' || lpad(((g - 1) % $2::int + 1)::text, 10, '0'), '{}',
            $4, $5::"CertificateType", $6::"DomainType",
            'other' || g || '.customer' || ((g - 1) % $2::int + 1) || '.example', '{}', 'PURCHASED', 1, 'ISSUED',
            e - interval '1 year', e - interval '1 year', e,
            (CASE WHEN g % 2 = 0 THEN 'ON' ELSE 'OFF' END)::"AutoRenewState", e - interval '1 year', e - interval '1 year'
       FROM (SELECT g, $3::timestamptz
                       + (CASE WHEN g % 2 = 0 THEN interval '40 days' ELSE interval '5 days' END)
                       + make_interval(secs => ((g::bigint * 104729) % (360 * 86400))::double precision) AS e
               FROM generate_series(1, $1::int) AS g) AS later`,
    [seed.background, seed.accounts, now, BENCH_PRICE.brand, BENCH_PRICE.certificateType, BENCH_PRICE.domainType],
  );
  await client.query("COMMIT");
  // Fresh statistics, as a database that has been running for a while would have.
  await client.query("VACUUM ANALYZE");
  return {
    due: seed.certificates,
    background: seed.background,
    accounts: seed.accounts,
    balancePerAccountMinor: balance,
  };
}

/**
 * A customer whose console shows `certificates` certificates: a realistic mix of
 * brands, statuses, expiries and auto-renewal states, a few renewals under way and
 * cloud resources, so every column of the list has something to compute.
 */
export async function seedConsoleCustomer(
  client: pg.Client,
  input: { userId: string; email: string; passwordHash: string; certificates: number; now: Date },
): Promise<void> {
  const now = input.now.toISOString();
  const accountId = `${input.userId}-acct`;
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
     VALUES ($1, $2, 'Bench customer', $3, 'CUSTOMER', $4, $4)`,
    [input.userId, input.email, input.passwordHash, now],
  );
  // The DV products the certificates below are of, sold and auto-renewable, and a balance
  // ($1 per certificate) that covers the renewal fees due in the next 30 days: the balance
  // warning on every page then plans real fees, as on a customer's account that is kept
  // topped up, rather than finding no price for any of them.
  await client.query(
    `INSERT INTO "Price" (id, brand, "certificateType", "domainType", "validityYears", "priceMinor", currency,
                          "autoRenewSupported", "updatedAt")
     SELECT 'bench-console-price-' || b || '-' || d, b, 'DV', d::"DomainType", 1, 2900, 'USD', true, $1
       FROM unnest(ARRAY['DNSPod', 'TrustAsia', 'GeoTrust', 'DigiCert', 'Sectigo']) AS b,
            unnest(ARRAY['SINGLE', 'WILDCARD', 'MULTI']) AS d
     ON CONFLICT DO NOTHING`,
    [now],
  );
  const balanceMinor = input.certificates * 100;
  await client.query(
    `INSERT INTO "BillingAccount" (id, "ownerId", currency, "balanceMinor", "createdAt", "updatedAt")
     VALUES ($1, $2, 'USD', $4, $3, $3)`,
    [accountId, input.userId, now, balanceMinor],
  );
  await client.query(
    `INSERT INTO "LedgerEntry" (id, "accountId", kind, "amountMinor", "balanceAfterMinor", currency, "idempotencyKey",
                                "createdAt")
     VALUES ($1, $2, 'TOP_UP', $5, $5, 'USD', $3, $4)`,
    [`${input.userId}-topup`, accountId, `bench-topup:${input.userId}`, now, balanceMinor],
  );
  await client.query(
    `INSERT INTO "Certificate" (id, "ownerId", alias, tags, brand, "certificateType", "domainType", domain, sans,
                                source, "validityYears", status, "notBefore", "issuedAt", "expiresAt",
                                "autoRenewState", "createdAt", "updatedAt")
     SELECT 'cc' || lpad(to_hex(g), 10, '0'), $2,
            CASE WHEN g % 7 = 0 THEN 'Service ' || g END,
            CASE WHEN g % 5 = 0 THEN ARRAY['prod'] ELSE '{}'::text[] END,
            (ARRAY['DNSPod', 'TrustAsia', 'GeoTrust', 'DigiCert', 'Sectigo'])[g % 5 + 1],
            (CASE WHEN g % 5 IN (2, 3) THEN 'OV' ELSE 'DV' END)::"CertificateType",
            (ARRAY['SINGLE', 'WILDCARD', 'MULTI'])[g % 3 + 1]::"DomainType",
            CASE WHEN g % 3 = 1 THEN '*.' ELSE '' END || 'host' || g || '.bench-console.example',
            CASE WHEN g % 3 = 2 THEN ARRAY['a' || g || '.bench-console.example', 'b' || g || '.bench-console.example']
                 ELSE '{}'::text[] END,
            'PURCHASED', 1,
            (CASE WHEN g % 50 = 0 THEN 'PENDING_VALIDATION' ELSE 'ISSUED' END)::"CertificateStatus",
            e - interval '1 year', e - interval '1 year', e,
            (ARRAY['ON', 'OFF', 'OFF', 'TERMINATED'])[g % 4 + 1]::"AutoRenewState",
            e - interval '1 year', e - interval '1 year'
       FROM (SELECT g, $3::timestamptz - interval '60 days'
                       + make_interval(secs => ((g::bigint * 7919) % (420 * 86400))::double precision) AS e
               FROM generate_series(1, $1::int) AS g) AS rows`,
    [input.certificates, input.userId, now],
  );
  await client.query(
    `INSERT INTO "CloudResource" (id, "ownerId", type, name, region, "certificateId", "createdAt", "updatedAt")
     SELECT 'cr' || lpad(to_hex(g), 10, '0'), $2, 'CDN', 'cdn-' || g, 'global', 'cc' || lpad(to_hex(g), 10, '0'), $3, $3
       FROM generate_series(1, $1::int, 10) AS g`,
    [input.certificates, input.userId, now],
  );
  await client.query("COMMIT");
  await client.query("VACUUM ANALYZE");
}
