// What the story knows about the demo data, read the way the console reads it (its JSON
// routes, as the signed-in customer) plus the hosted zones straight from the database.
// Steps choose their certificates by these properties, never by id.
import type { Page } from "@playwright/test";
import pg from "pg";
import type { BalanceWarningDto } from "@/lib/billing/serialize-balance-warning";
import type { CertificatePage, CertificateRow } from "@/lib/certificates/list-certificates";
import type { AutoRenewOffer } from "@/lib/renewal/get-auto-renew-offer";

export type DemoCertificate = CertificateRow & {
  /** The domain's DNS is hosted with us: validation records are added automatically. */
  hosted: boolean;
};

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`GET ${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

export async function readHostedZones(databaseUrl: string, ownerEmail: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT z.name FROM "HostedZone" z JOIN "User" u ON u.id = z."ownerId" WHERE u.email = $1`,
      [ownerEmail],
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

export function isInZone(domain: string, zones: readonly string[]): boolean {
  const name = domain.replace(/^\*\./, "").toLowerCase();
  return zones.some((zone) => name === zone || name.endsWith(`.${zone}`));
}

/** Every certificate of the signed-in customer, as My Certificates lists them. */
export async function readCertificates(page: Page, zones: readonly string[]): Promise<DemoCertificate[]> {
  const rows: CertificateRow[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const list = await getJson<CertificatePage>(page, `/api/certificates?pageSize=100&page=${pageNumber}`);
    rows.push(...list.items);
    if (rows.length >= list.total || list.items.length === 0) break;
  }
  return rows.map((row) => ({ ...row, hosted: isInZone(row.domain, zones) }));
}

export function readOffer(page: Page, certificateId: string): Promise<AutoRenewOffer> {
  return getJson<AutoRenewOffer>(page, `/api/certificates/${certificateId}/auto-renew-offer`);
}

export function readBalanceWarning(page: Page): Promise<BalanceWarningDto | null> {
  return getJson<BalanceWarningDto | null>(page, "/api/account/balance-warning");
}

export function readBalance(page: Page): Promise<{ balanceMinor: number; currency: string }> {
  return getJson<{ balanceMinor: number; currency: string }>(page, "/api/account/balance");
}
