"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const localeSchema = z.enum(LOCALES);

/** Remembers the chosen language for a year; anyone may call it, it only sets their own cookie. */
export async function setLocaleAction(locale: string): Promise<void> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
}
