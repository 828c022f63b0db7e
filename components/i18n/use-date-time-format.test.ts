import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { dateTimeFormatFor } from "@/components/i18n/use-date-time-format";
import { FORMATS } from "@/lib/i18n/formats";

describe("dateTimeFormatFor", () => {
  const dates = [new Date("2026-12-03T09:17:27.985Z"), new Date("2027-06-30T23:59:00Z")];
  it("formats exactly as next-intl's format.dateTime with the same named format", () => {
    for (const locale of ["en", "zh-CN"]) {
      for (const timeZone of ["UTC", "Asia/Shanghai", "America/Los_Angeles"]) {
        const intl = createFormatter({ locale, timeZone, formats: FORMATS });
        for (const name of ["dateTime", "date", "dateZone"] as const) {
          for (const date of dates) {
            expect(dateTimeFormatFor(locale, timeZone, name).format(date)).toBe(intl.dateTime(date, name));
          }
        }
      }
    }
  });

  it("keeps one format per locale, zone and name", () => {
    expect(dateTimeFormatFor("en", "UTC", "date")).toBe(dateTimeFormatFor("en", "UTC", "date"));
    expect(dateTimeFormatFor("en", "UTC", "date")).not.toBe(dateTimeFormatFor("en", "Asia/Shanghai", "date"));
  });
});
