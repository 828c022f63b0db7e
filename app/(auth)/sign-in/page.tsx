import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeRedirectPath } from "@/lib/actions/form-state";
import { getCurrentUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { findDemoAccountsToShow } from "@/lib/seed/find-demo-accounts-to-show";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [user, t, params, demo] = await Promise.all([
    getCurrentUser(),
    getTranslations("auth"),
    searchParams,
    findDemoAccountsToShow(getConfig().demoMode),
  ]);
  if (user) redirect("/");
  const callbackUrl = params.callbackUrl ? safeRedirectPath(params.callbackUrl, "/") : undefined;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-xl">
          {t("signInTitle")}
        </CardTitle>
        <CardDescription>{t("signInSubtitle")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <SignInForm callbackUrl={callbackUrl} />
        {demo && (
          <p className="rounded-md bg-muted px-3 py-2 text-xs text-muted-foreground" data-testid="demo-accounts">
            {t("demoAccounts", {
              customer: demo.customer.email,
              customerPassword: demo.customer.password,
              admin: demo.admin.email,
              adminPassword: demo.admin.password,
            })}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
