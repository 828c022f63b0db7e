import { GlobeIcon, LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { AddDomainForm } from "@/components/dns-hosting/add-domain-form";
import { HostedZoneList } from "@/components/dns-hosting/hosted-zone-list";
import { NameserverCard } from "@/components/dns-hosting/nameserver-card";
import { ValidationDelegationList } from "@/components/dns-hosting/validation-delegation-list";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getDnsHostingOverview } from "@/lib/dns-hosting/get-dns-hosting-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dnsHosting");
  return { title: t("title") };
}

export default async function DnsHostingPage() {
  const [user, t] = await Promise.all([requireUser(), getTranslations("dnsHosting")]);
  const overview = await getDnsHostingOverview(user.id);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <Card data-testid="hosted-zones">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <GlobeIcon className="size-4" aria-hidden />
              {t("zones.title")}
            </CardTitle>
            <CardDescription>{t("zones.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {overview.canAddZones ? (
              <AddDomainForm kind="zones" />
            ) : (
              <Alert variant="warning">
                <AlertDescription>{t("zones.unsupported")}</AlertDescription>
              </Alert>
            )}
            <HostedZoneList zones={overview.zones} />
          </CardContent>
        </Card>
        {overview.nameservers.length > 0 && <NameserverCard nameservers={overview.nameservers} />}
        <Card data-testid="validation-delegations">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <LinkIcon className="size-4" aria-hidden />
              {t("delegations.title")}
            </CardTitle>
            <CardDescription>{t("delegations.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {overview.validationZone ? (
              <>
                <AddDomainForm kind="delegations" />
                <ValidationDelegationList delegations={overview.delegations} />
              </>
            ) : (
              <Alert variant="warning">
                <AlertDescription>{t("delegations.unavailable")}</AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
