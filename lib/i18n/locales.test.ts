import { describe, expect, it } from "vitest";
import { isTimeZone, localeFromAcceptLanguage } from "@/lib/i18n/locales";

describe("locale negotiation", () => {
  it("picks Simplified Chinese for any Chinese preference, English otherwise", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,zh-TW;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("accepts only real IANA time zones", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
