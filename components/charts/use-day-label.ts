import { type DateTimeFormatOptions, useFormatter } from "next-intl";

/**
 * A calendar date ("2026-06-15") as the viewer writes it: short ("Jun 15"), or with
 * `longOptions` added for tooltips and tables. The date is already on the viewer's
 * calendar, so it is formatted in UTC, where it was written down.
 */
export function useDayLabel(longOptions: DateTimeFormatOptions) {
  const format = useFormatter();
  return (date: string, long = false) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), {
      timeZone: "UTC",
      month: "short",
      day: "numeric",
      ...(long ? longOptions : {}),
    });
}
