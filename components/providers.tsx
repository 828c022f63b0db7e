"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type * as React from "react";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { DeferredToaster } from "@/components/ui/deferred-toaster";
import { getQueryClient } from "@/lib/queries/query-client";

export function Providers({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        {children}
        <DeferredToaster />
        <TimeZoneSync />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
