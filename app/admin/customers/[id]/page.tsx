import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTimeZone } from "next-intl/server";
import { cache } from "react";
import { CustomerAccountCard } from "@/components/admin/customer-account-card";
import { CustomerBalanceCard } from "@/components/admin/customer-balance-card";
import { CustomerCertificatesCard } from "@/components/admin/customer-certificates-card";
import { CustomerDueCard } from "@/components/admin/customer-due-card";
import { CustomerHeading } from "@/components/admin/customer-heading";
import { CustomerLedgerCard } from "@/components/admin/customer-ledger-card";
import { parseAdminCertificateListParams } from "@/lib/admin/admin-certificate-list-params";
import { getCustomerDetail } from "@/lib/admin/get-customer-detail";
import { listAllCertificates } from "@/lib/admin/list-all-certificates";
import { listCustomerLedger } from "@/lib/admin/list-customer-ledger";
import { requireAdminPage } from "@/lib/auth/session";
import { parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { now } from "@/lib/clock";
import { isLookupId } from "@/lib/text/storable-text";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadCustomer = cache(async (id: string) => {
  const user = await requireAdminPage();
  return isLookupId(id) ? getCustomerDetail(user, id, await now()) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await loadCustomer(id))?.email ?? id };
}

const CERTIFICATES_SHOWN = "10";
const LEDGER_SHOWN = "10";

export default async function CustomerPage({ params, searchParams }: Props) {
  const [{ id }, query, user, today, timeZone] = await Promise.all([
    params,
    searchParams,
    requireAdminPage(),
    now(),
    getTimeZone(),
  ]);
  if (!isLookupId(id)) notFound();
  // The lists are scoped by the id from the URL, so they load alongside the account itself.
  const [customer, certificates, ledger] = await Promise.all([
    loadCustomer(id),
    listAllCertificates(user, parseAdminCertificateListParams({ pageSize: CERTIFICATES_SHOWN }), today, {
      ownerId: id,
    }),
    listCustomerLedger(user, id, parseLedgerListParams({ page: query.ledgerPage, pageSize: LEDGER_SHOWN }), {
      now: today,
      timeZone,
    }),
  ]);
  if (!customer) notFound();

  return (
    <div className="grid gap-6">
      <CustomerHeading customer={customer} />
      <div className="grid gap-6 lg:grid-cols-3">
        <CustomerBalanceCard customer={customer} />
        <CustomerDueCard customer={customer} />
        <CustomerAccountCard customer={customer} isSelf={customer.id === user.id} />
      </div>
      <CustomerCertificatesCard email={customer.email} certificates={certificates} />
      <CustomerLedgerCard customerId={customer.id} ledger={ledger} />
    </div>
  );
}
