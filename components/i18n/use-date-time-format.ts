"use client";

import { useLocale, useTimeZone } from "next-intl";
import { FORMATS } from "@/lib/i18n/formats";

type DateTimeFormatName = keyof typeof FORMATS.dateTime;

// next-intl's format.dateTime resolves the named format and looks its Intl.DateTimeFormat
// up on every call, about a tenth of a millisecond: a table formats two dates a row. For a
// cell repeated on every row, the same format (FORMATS, in the viewer's locale and zone) is
// made once per process and reused.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The named date format of lib/i18n/formats.ts in this locale and time zone, made once. */
export function dateTimeFormatFor(
  locale: string,
  timeZone: string | undefined,
  name: DateTimeFormatName,
): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone ?? ""} ${name}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...FORMATS.dateTime[name], timeZone });
    formats.set(key, format);
  }
  return format;
}

/** The named date format in the viewer's locale and time zone. */
export function useDateTimeFormat(name: DateTimeFormatName): Intl.DateTimeFormat {
  return dateTimeFormatFor(useLocale(), useTimeZone(), name);
}
