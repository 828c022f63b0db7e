import { getTranslations } from "next-intl/server";
import type * as React from "react";
import { BrandMark } from "@/components/brand-mark";
import { LocaleSwitch } from "@/components/console/locale-switch";
import { ThemeSwitch } from "@/components/console/theme-switch";
import { ScopedMessages } from "@/components/i18n/scoped-messages";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <ScopedMessages scope="auth">
      <div className="flex min-h-dvh flex-col">
        <header className="flex h-14 items-center justify-between px-4 sm:px-6">
          <BrandMark label={t("name")} />
          <div className="flex items-center gap-1">
            <LocaleSwitch />
            <ThemeSwitch />
          </div>
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">
          <div className="w-full max-w-sm">{children}</div>
        </main>
      </div>
    </ScopedMessages>
  );
}
