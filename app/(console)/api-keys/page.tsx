import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { PageHeader } from "@/components/console/page-header";
import { MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/api-key-rules";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireUser } from "@/lib/auth/session";
import { systemNow } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage() {
  const [user, t] = await Promise.all([requireUser(), getTranslations("apiKeys")]);
  const keys = await listApiKeys(user.id, systemNow());
  const activeCount = keys.filter((key) => key.status === "ACTIVE").length;
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { max: MAX_ACTIVE_API_KEYS })} />
      <div className="grid gap-6">
        <CreateApiKeyForm activeCount={activeCount} max={MAX_ACTIVE_API_KEYS} />
        <ApiKeyList keys={keys} />
      </div>
    </>
  );
}
