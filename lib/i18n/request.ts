import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { FORMATS } from "@/lib/i18n/formats";
import { isLocale, isTimeZone, LOCALE_COOKIE, localeFromAcceptLanguage, TIME_ZONE_COOKIE } from "@/lib/i18n/locales";
import { loadMessages } from "@/messages/load-messages";

// No locale in the URL: the choice lives in a cookie (set by the language switch),
// falling back to the browser's Accept-Language. Times are shown in the viewer's
// zone, which the browser reports through a cookie (components/time-zone-sync.tsx).
export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(headerStore.get("accept-language"));
  const zone = cookieStore.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    timeZone: isTimeZone(zone) ? zone : "UTC",
    formats: FORMATS,
    messages: await loadMessages(locale),
  };
});
