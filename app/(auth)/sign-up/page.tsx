import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { getCurrentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUp") };
}

export default async function SignUpPage() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("auth")]);
  if (user) redirect("/");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-xl">
          {t("signUpTitle")}
        </CardTitle>
        <CardDescription>{t("signUpSubtitle")}</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm passwordMinLength={PASSWORD_MIN_LENGTH} />
      </CardContent>
    </Card>
  );
}
