"use client";

import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { useEffect } from "react";
import { setTimeZoneAction } from "@/app/actions/set-time-zone";

// The server renders times in the zone the browser reported last; on the first
// visit (or after travelling) it reports its zone and the page re-renders in it.
export function TimeZoneSync() {
  const router = useRouter();
  const serverZone = useTimeZone();
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === serverZone) return;
    void setTimeZoneAction(browserZone).then(() => router.refresh());
  }, [router, serverZone]);
  return null;
}
