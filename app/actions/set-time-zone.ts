"use server";

import { cookies } from "next/headers";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/i18n/locales";

/** Remembers the browser's IANA time zone so the server renders times in it. */
export async function setTimeZoneAction(zone: string): Promise<void> {
  if (!isTimeZone(zone)) return;
  (await cookies()).set(TIME_ZONE_COOKIE, zone, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
}
