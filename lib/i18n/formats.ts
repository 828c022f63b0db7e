import type { Formats } from "next-intl";

// Times are stored in UTC and shown in the viewer's zone, always with the zone named.
export const FORMATS = {
  dateTime: {
    dateTime: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    },
    date: { year: "numeric", month: "short", day: "numeric" },
    dateZone: { year: "numeric", month: "short", day: "numeric", timeZoneName: "short" },
  },
} satisfies Formats;
