// The API speaks the caller's X-TC-Language (zh-CN or en-US, as the original; anything else,
// or none, is English), independently of cookies: its messages are the console's own strings.
import "server-only";
import { type AbstractIntlMessages, createTranslator } from "use-intl/core";
import type { Translate } from "@/lib/describe-app-error";
import { FORMATS } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/messages/load-messages";

export function tc3Locale(languageHeader: string | null): Locale {
  return languageHeader?.trim().toLowerCase() === "zh-cn" ? "zh-CN" : "en";
}

const translators = new Map<Locale, Promise<Translate>>();

export function tc3Translator(locale: Locale): Promise<Translate> {
  let translator = translators.get(locale);
  if (!translator) {
    translator = loadMessages(locale).then(
      (messages) =>
        // Keys are built from codes at run time, so the translator is used untyped.
        createTranslator({
          locale,
          messages: messages as unknown as AbstractIntlMessages,
          formats: FORMATS,
        }) as unknown as Translate,
    );
    translators.set(locale, translator);
  }
  return translator;
}
