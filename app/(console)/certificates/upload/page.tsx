import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { UploadCertificateForm } from "@/components/upload/upload-certificate-form";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("upload");
  return { title: t("title") };
}

export default async function UploadCertificatePage() {
  const [, t] = await Promise.all([requireUser(), getTranslations("upload")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <UploadCertificateForm />
    </>
  );
}
