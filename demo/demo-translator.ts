// The console's own strings, so the story asserts what a reader of either language
// sees without a single English literal in the steps.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { NAMESPACES } from "@/messages/load-messages";

export type TranslationValues = Record<string, string | number>;
export type Translate = (key: string, values?: TranslationValues) => string;

export type DemoTranslator = {
  locale: Locale;
  t: Translate;
  money: (amountMinor: number, currency: string) => string;
};

export function createDemoTranslator(locale: Locale): DemoTranslator {
  const messages = Object.fromEntries(
    NAMESPACES.map((namespace) => [
      namespace,
      JSON.parse(readFileSync(path.resolve("messages", locale, `${namespace}.json`), "utf8")) as unknown,
    ]),
  );
  const translate = createTranslator({
    locale,
    messages: messages as never,
    timeZone: "UTC",
    onError: (error) => {
      throw error;
    },
  }) as unknown as Translate;
  return {
    locale,
    t: (key, values) => translate(key, values),
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, locale),
  };
}
